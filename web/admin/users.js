// Users: list and search, one user's methods, licences, roles and groups, and resetting their
// password as an administrator with live feedback from the password evaluation.
"use strict";

window.ssprConsole.register("users", {
  load(c) {
    let users = [];
    let selected = "";
    let evaluation = 0;

    function list(filter) {
      const body = c.$("user-list");
      body.replaceChildren();
      const needle = filter.trim().toLowerCase();
      users
        .filter((u) => !needle || u.upn.includes(needle) ||
                       (u.display_name || "").toLowerCase().includes(needle))
        .forEach((u) => {
          const link = c.element("button", u.upn, "link-button");
          link.type = "button";
          link.addEventListener("click", () => showUser(u.upn));
          c.row(body, [link, u.display_name, u.source]);
        });
    }

    function showUser(upn) {
      selected = upn;
      const path = "/api/v1/users/" + encodeURIComponent(upn);
      Promise.all([c.call("GET", path), c.call("GET", path + "/authentication/methods")])
        .then(([user, methods]) => {
          if (!user.ok) return c.showError(c.$("console-message"), user);
          const u = user.body;
          c.$("user-detail").hidden = false;
          c.$("user-detail-heading").textContent = (u.display_name || u.upn) + " (" + u.upn + ")";
          c.$("user-source").textContent = u.source + (u.auth_mode ? " (" + u.auth_mode + ")" : "");
          const none = c.t("page.admin.none");
          const join = (items) => (items && items.length ? items.join(", ") : none);
          const kinds = methods.ok ? (methods.body.value || methods.body.methods || []) : [];
          c.$("user-methods").textContent =
            join(kinds.map((m) => c.methodName(m.type || m.methodType || "") +
                                  (m.masked ? " " + m.masked : "")));
          c.$("user-licenses").textContent = join(u.licenses);
          c.$("user-roles").textContent = join(u.roles);
          c.$("user-groups").textContent = join(u.groups);
          c.$("admin-new-password").value = "";
          feedback(null);
          c.clear(c.$("admin-reset-result"));
          c.$("user-detail-heading").focus();
        });
    }

    function feedback(assessment) {
      const box = c.$("admin-reset-feedback");
      const line = box.querySelector("p");
      const reasons = box.querySelector("ul");
      reasons.replaceChildren();
      line.textContent = "";
      line.className = "";
      if (!assessment) return;
      line.textContent = assessment.accepted ? c.t("page.admin.password_acceptable")
                                             : c.t("page.admin.password_not_acceptable");
      line.className = assessment.accepted ? "ok-text" : "field-error";
      (assessment.messages || assessment.reasons || []).forEach((reason) => {
        reasons.appendChild(c.element("li", typeof reason === "string" ? reason
                                                                         : reason.message));
      });
    }

    c.$("admin-new-password").addEventListener("input", () => {
      const password = c.$("admin-new-password").value;
      const ticket = ++evaluation;
      if (!password) return feedback(null);
      c.call("POST", "/api/v1/password/evaluate", { password: password, user: selected })
        .then((result) => {
          if (ticket !== evaluation || !result.ok) return;
          feedback(result.body);
        });
    });

    c.$("admin-reset-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const password = c.$("admin-new-password").value;
      c.call("POST", "/api/v1/users/" + encodeURIComponent(selected) + "/password",
             { password: password })
        .then((result) => {
          if (!result.ok) return c.showError(c.$("admin-reset-result"), result);
          c.$("admin-new-password").value = "";
          feedback(null);
          c.showOk(c.$("admin-reset-result"), c.t("page.admin.password_was_reset"));
        });
    });

    c.$("user-search-form").addEventListener("submit", (event) => {
      event.preventDefault();
      list(c.$("user-search").value);
    });

    c.call("GET", "/api/v1/users?limit=500").then((result) => {
      if (!result.ok) return c.showError(c.$("console-message"), result);
      users = result.body.users || [];
      list("");
    });
  },
});
