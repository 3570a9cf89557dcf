// Password protection: the tenant's custom banned password list (add and remove terms) and
// the state of the breached password filter.
"use strict";

window.ssprConsole.register("protection", {
  load(c) {
    const $ = c.$;

    function show(result) {
      if (!result.ok) return c.showError($("banned-result"), result);
      const list = $("banned-list");
      list.replaceChildren();
      if (!result.body.terms.length) list.appendChild(c.element("li", c.t("page.admin.none")));
      result.body.terms.forEach((term) => {
        const item = c.element("li");
        item.appendChild(c.element("span", term + " "));
        const remove = c.element("button", c.t("page.admin.remove"), "small secondary");
        remove.type = "button";
        remove.setAttribute("aria-label", c.t("page.admin.remove") + " " + term);
        remove.addEventListener("click", () => {
          c.clear($("banned-result"));
          c.call("DELETE", "/api/v1/banned-passwords/" + encodeURIComponent(term)).then(show);
        });
        item.appendChild(remove);
        list.appendChild(item);
      });
    }

    $("banned-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const term = $("banned-term").value.trim();
      if (!term) return;
      c.clear($("banned-result"));
      c.call("POST", "/api/v1/banned-passwords", { terms: [term] }).then((result) => {
        if (result.ok) $("banned-term").value = "";
        show(result);
      });
    });

    c.call("GET", "/api/v1/banned-passwords").then(show);
  },
});
