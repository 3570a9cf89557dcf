// Sign-in page: sign in, show who is signed in, sign out, change password. The session lives
// in an HttpOnly cookie; state-changing calls send the session's CSRF token in X-CSRF-Token.
"use strict";

(function () {
  let csrfToken = "";
  let texts = {};
  const $ = (id) => document.getElementById(id);

  function call(method, path, body) {
    return window.ssprApi.call(method, path, body, csrfToken);
  }

  function showMessage(text, ok, details) {
    const box = $("message");
    box.textContent = text;
    box.className = ok ? "ok" : "";
    if (details && details.length) {
      const list = document.createElement("ul");
      details.forEach((line) => {
        const item = document.createElement("li");
        item.textContent = line;
        list.appendChild(item);
      });
      box.appendChild(list);
    }
  }

  function showError(result) {
    const error = result.body && result.body.error;
    if (!error) return showMessage(texts["page.common.error"] || "Error", false);
    showMessage(error.message, false, error.messages);
  }

  function showSignedIn(session) {
    csrfToken = session.csrf_token;
    $("signed-in-name").textContent = session.user.display_name || session.user.upn;
    $("signin-section").hidden = true;
    $("account-section").hidden = false;
  }

  function showSignIn() {
    csrfToken = "";
    $("account-section").hidden = true;
    $("signin-section").hidden = false;
    $("user-id").focus();
  }

  $("signin-form").addEventListener("submit", (event) => {
    event.preventDefault();
    showMessage("", true);
    call("POST", "/api/v1/session", {
      user_id: $("user-id").value,
      password: $("password").value,
    }).then((result) => {
      $("password").value = "";
      // Signed in: on to the security-info page (it asks to register when the policy says so).
      if (result.ok) {
        return window.location.assign(window.ssprApi.withLanguage("/security-info.html"));
      }
      showError(result);
    });
  });

  $("sign-out").addEventListener("click", () => {
    call("DELETE", "/api/v1/session").then(() => {
      showMessage("", true);
      showSignIn();
    });
  });

  $("password-form").addEventListener("submit", (event) => {
    event.preventDefault();
    showMessage("", true);
    if ($("new-password").value !== $("confirm-password").value) {
      return showMessage(texts["page.password.mismatch"] || "Mismatch", false);
    }
    call("POST", "/api/v1/me/password", {
      current_password: $("current-password").value,
      new_password: $("new-password").value,
    }).then((result) => {
      if (result.ok) {
        ["current-password", "new-password", "confirm-password"].forEach((id) => ($(id).value = ""));
        return showMessage(texts["page.password.changed"] || "OK", true);
      }
      if (result.status === 401) showSignIn();
      showError(result);
    });
  });

  // The demo outbox link, only when this server has one (`sspr demo`).
  fetch("/api/v1/demo/outbox?limit=1", { credentials: "same-origin" })
    .then((response) => {
      $("outbox-link").dataset.checked = "true";
      if (response.status !== 200) return;
      const link = $("outbox-link").querySelector("a");
      link.href = window.ssprApi.withLanguage("/outbox.html");
      $("outbox-link").hidden = false;
    })
    .catch(() => {});

  $("security-info-link").href = window.ssprApi.withLanguage("/security-info.html");

  window.ssprTexts.then((messages) => {
    texts = messages;
    return call("GET", "/api/v1/session");
  }).then((result) => (result.ok ? showSignedIn(result.body) : showSignIn()));
})();
