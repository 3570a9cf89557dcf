// The administrator console's frame: who is signed in and whether they hold an administrator
// role, the section navigation (#overview, #users, ...), and what every section shares: API
// calls with the session's CSRF token, page texts, error display. Each section is its own
// script that registers {load(context)}; a section loads when it is first shown.
"use strict";

window.ssprConsole = (function () {
  const sections = {};
  const loaded = {};
  const state = { csrfToken: "", texts: {}, session: null, tenant: null, licensedForSspr: true };
  const $ = (id) => document.getElementById(id);

  function t(key, values) {
    return window.ssprApi.format(state.texts, key, values);
  }

  function call(method, path, body) {
    return window.ssprApi.call(method, path, body, state.csrfToken);
  }

  // Replaces `container`'s content with an error envelope (message, technical line, support
  // code); a 401 means the session ended: back to the sign-in gate.
  function showError(container, result) {
    const error = result && result.body && result.body.error;
    container.replaceChildren(window.ssprApi.errorBlock(state.texts, error));
    container.className = "result-error";
    if (result && result.status === 401) showGate("signin");
  }

  function showOk(container, text) {
    container.replaceChildren();
    container.textContent = text;
    container.className = "result-ok";
  }

  function clear(container) {
    container.replaceChildren();
    container.className = "";
  }

  // An authentication method's name in the page's language ("mobile_phone" → "Mobile phone");
  // a type this page does not know is shown as it is.
  const methodKeys = {
    app_notification: "page.admin.method_app_notification",
    app_code: "page.admin.method_app_code",
    email: "page.admin.method_email",
    mobile_phone: "page.admin.method_mobile_phone",
    office_phone: "page.admin.method_office_phone",
    security_questions: "page.admin.method_security_questions",
  };
  function methodName(type) {
    return Object.prototype.hasOwnProperty.call(methodKeys, type) ? t(methodKeys[type]) : type;
  }

  // A new element with text content and optional class.
  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  // Appends a <tr> of cells to `body`.
  function row(body, cells) {
    const tr = document.createElement("tr");
    cells.forEach((cell) => {
      const td = document.createElement("td");
      if (cell instanceof Node) td.appendChild(cell);
      else td.textContent = cell === undefined || cell === null ? "" : String(cell);
      tr.appendChild(td);
    });
    body.appendChild(tr);
    return tr;
  }

  function register(name, section) {
    sections[name] = section;
  }

  function currentName() {
    const name = window.location.hash.replace(/^#/, "");
    return sections[name] ? name : "overview";
  }

  function show(focus) {
    const name = currentName();
    Object.keys(sections).forEach((other) => {
      $("section-" + other).hidden = other !== name;
    });
    document.querySelectorAll("#console-nav a").forEach((link) => {
      if (link.getAttribute("href") === "#" + name) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
    });
    clear($("console-message"));
    const section = $("section-" + name);
    if (!loaded[name] || sections[name].reload) {
      loaded[name] = true;
      sections[name].load(api);
    }
    if (focus) section.querySelector("h1").focus();
  }

  // The page instead of the console: not signed in, or signed in without an admin role.
  function showGate(kind) {
    $("console").hidden = true;
    $("console-gate").hidden = false;
    const keys = {
      signin: ["page.admin.gate_signin_heading", "page.admin.gate_signin_text"],
      not_admin: ["page.admin.gate_not_admin_heading", "page.admin.gate_not_admin_text"],
    }[kind];
    $("gate-heading").textContent = t(keys[0]);
    $("gate-text").textContent = t(keys[1]);
    $("gate-link").hidden = kind !== "signin";
    $("console-gate").dataset.kind = kind;
  }

  // Whether the tenant holds a subscription that lets users reset (any SKU but FREE).
  function checkLicences() {
    return call("GET", "/api/v1/subscriptions").then((result) => {
      if (!result.ok) return;
      const subscriptions = result.body.subscriptions || [];
      state.licensedForSspr = subscriptions.some((s) => s.sku !== "FREE");
    });
  }

  function start() {
    window.ssprTexts
      .then((messages) => {
        state.texts = messages;
        return call("GET", "/api/v1/session");
      })
      .then((result) => {
        if (!result.ok) return showGate("signin");
        state.session = result.body;
        state.csrfToken = result.body.csrf_token;
        $("console-who").textContent = result.body.user.display_name || result.body.user.upn;
        $("console-sign-out").hidden = false;
        return call("GET", "/api/v1/tenant").then((tenant) => {
          if (tenant.status === 403) return showGate("not_admin");
          if (!tenant.ok) return showGate("signin");
          state.tenant = tenant.body;
          return checkLicences().then(() => {
            $("console-gate").hidden = true;
            $("console").hidden = false;
            $("console").dataset.ready = "true";
            show(false);
          });
        });
      });
  }

  // The explanation shown instead of SSPR settings when no licence grants SSPR.
  function unlicensedText() {
    return t("page.admin.unlicensed");
  }

  const api = {
    state: state,
    t: t,
    call: call,
    showError: showError,
    showOk: showOk,
    clear: clear,
    element: element,
    row: row,
    methodName: methodName,
    unlicensedText: unlicensedText,
    $: $,
  };

  window.addEventListener("hashchange", () => show(true));
  document.addEventListener("DOMContentLoaded", () => {
    $("console-sign-out").addEventListener("click", () => {
      call("DELETE", "/api/v1/session").then(() => {
        state.csrfToken = "";
        $("console-sign-out").hidden = true;
        $("console-who").textContent = "";
        showGate("signin");
      });
    });
    start();
  });

  return Object.assign({ register: register }, api);
})();
