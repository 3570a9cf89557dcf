// Localised page texts: fetched from /api/v1/i18n in the negotiated language (?lang= or the
// browser's Accept-Language) and applied to every element with data-i18n="key". Links marked
// data-keep-lang carry the page's ?lang= on to the page they open.
"use strict";

window.ssprTexts = (function () {
  const lang = new URLSearchParams(window.location.search).get("lang");
  if (lang) {
    document.querySelectorAll("a[data-keep-lang]").forEach((link) => {
      const url = new URL(link.getAttribute("href"), window.location.href);
      url.searchParams.set("lang", lang);
      link.setAttribute("href", url.pathname + url.search + url.hash);
    });
  }
  const url = "/api/v1/i18n?prefix=page." + (lang ? "&lang=" + encodeURIComponent(lang) : "");
  return fetch(url, { credentials: "same-origin" })
    .then((response) => (response.ok ? response.json() : { language: "en", messages: {} }))
    .catch(() => ({ language: "en", messages: {} }))
    .then((texts) => {
      document.documentElement.lang = texts.language;
      document.querySelectorAll("[data-i18n]").forEach((element) => {
        const text = texts.messages[element.dataset.i18n];
        if (text) element.textContent = text;
      });
      return texts.messages;
    });
})();
