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

  return { language: language, format: format, withLanguage: withLanguage, call: call };
})();
