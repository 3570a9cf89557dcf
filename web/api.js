// What every page needs to talk to this server, in one place: page texts with {name}
// placeholders filled in, and JSON calls that keep the page's ?lang= (so API texts follow the
// page) and send a session's CSRF token on state changes.
"use strict";

window.ssprApi = (function () {
  const language = new URLSearchParams(window.location.search).get("lang");

  // The text of `key` in `texts` (the page's catalogue) with each {name} replaced.
  function format(texts, key, values) {
    let text = texts[key] || key;
    Object.entries(values || {}).forEach(([name, value]) => {
      text = text.split("{" + name + "}").join(String(value));
    });
    return text;
  }

  // A path of this server with the page's ?lang= kept.
  function withLanguage(path) {
    if (!language) return path;
    return path + (path.includes("?") ? "&" : "?") + "lang=" + encodeURIComponent(language);
  }

  // Resolves to {ok, status, body}: body is the parsed JSON or null; a network failure gives
  // status 0. `csrfToken`, when given, is sent on every method but GET.
  function call(method, path, body, csrfToken) {
    const headers = { Accept: "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (csrfToken && method !== "GET") headers["X-CSRF-Token"] = csrfToken;
    return fetch(withLanguage(path), {
      method: method,
      headers: headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then((response) =>
      response.text().then((text) => {
        let parsed = null;
        try {
          parsed = text ? JSON.parse(text) : null;
        } catch (ignored) {
          parsed = null;
        }
        return { ok: response.ok, status: response.status, body: parsed };
      }))
      .catch(() => ({ ok: false, status: 0, body: null }));
  }

  // An error envelope's technical line, led by its code ("SSPR_0012: ...").
  function technicalLine(error) {
    const technical = error.technical || error.name || "";
    if (!error.code || technical.startsWith(error.code)) return technical;
    return error.code + ": " + technical;
  }

  // An element showing an error envelope: the user text, any reason lines, and a list with
  // the technical line and the support code (labelled with the page texts of the reset page).
  function errorBlock(texts, error) {
    const block = document.createElement("div");
    block.className = "error-block";
    const message = document.createElement("p");
    message.textContent = (error && error.message) || texts["page.common.error"] || "Error";
    block.appendChild(message);
    if (!error) return block;
    if (Array.isArray(error.messages) && error.messages.length) {
      const list = document.createElement("ul");
      error.messages.forEach((line) => {
        const item = document.createElement("li");
        item.textContent = line;
        list.appendChild(item);
      });
      block.appendChild(list);
    }
    const details = document.createElement("dl");
    details.className = "error-details";
    [["page.reset.technical", technicalLine(error)],
     ["page.reset.support_code", error.support_code]].forEach(([key, value]) => {
      if (!value) return;
      const term = document.createElement("dt");
      term.textContent = texts[key] || key;
      const description = document.createElement("dd");
      description.textContent = value;
      details.append(term, description);
    });
    if (details.children.length) block.appendChild(details);
    return block;
  }

  return {
    language: language,
    format: format,
    withLanguage: withLanguage,
    call: call,
    technicalLine: technicalLine,
    errorBlock: errorBlock,
  };
})();
