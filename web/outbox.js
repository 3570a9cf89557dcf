// Demo outbox page: the messages `sspr demo` wrote to its outbox file instead of sending them
// (GET /api/v1/demo/outbox, newest first), so a person trying the demo can read their codes.
"use strict";

(function () {
  let texts = {};
  const $ = (id) => document.getElementById(id);
  const language = new URLSearchParams(window.location.search).get("lang");
  const languageQuery = language ? "&lang=" + encodeURIComponent(language) : "";

  function t(key) {
    return texts[key] || key;
  }

  function field(list, key, value, preformatted) {
    const term = document.createElement("dt");
    term.textContent = t(key);
    const description = document.createElement("dd");
    if (preformatted) {
      const pre = document.createElement("pre");
      pre.textContent = value || "";
      description.appendChild(pre);
    } else {
      description.textContent = value || "";
    }
    list.append(term, description);
  }

  function show(messages) {
    const list = $("messages");
    list.textContent = "";
    messages.forEach((message) => {
      const item = document.createElement("li");
      const details = document.createElement("dl");
      field(details, "page.outbox.time", message.time);
      field(details, "page.outbox.channel", message.channel);
      field(details, "page.outbox.to", message.to);
      if (message.subject) field(details, "page.outbox.subject", message.subject);
      field(details, "page.outbox.body", message.body, true);
      item.appendChild(details);
      list.appendChild(item);
    });
    $("outbox-status").textContent = messages.length
      ? t("page.outbox.count").replace("{count}", String(messages.length))
      : t("page.outbox.empty");
  }

  function refresh() {
    return fetch("/api/v1/demo/outbox?limit=50" + languageQuery, {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    }).then((response) => {
      if (!response.ok) {
        $("messages").textContent = "";
        $("outbox-status").textContent = t("page.outbox.unavailable");
        return;
      }
      return response.json().then((body) => show(body.messages || []));
    }).catch(() => ($("outbox-status").textContent = t("page.common.error")));
  }

  $("refresh").addEventListener("click", refresh);
  if (language) $("signin-link").href = "/signin.html?lang=" + encodeURIComponent(language);

  window.ssprTexts.then((messages) => {
    texts = messages;
    return refresh();
  });
})();
