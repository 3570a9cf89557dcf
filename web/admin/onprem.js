// On-premises: the connection's status (up / misconfigured / unreachable) and a test button;
// "not configured" when the tenant has none (or this server has no such API).
"use strict";

window.ssprConsole.register("onprem", {
  reload: true,
  load(c) {
    const $ = c.$;

    // The connection's settings, then its recorded status ("unreachable since …, reason").
    function render(connection) {
      const facts = $("onprem-facts");
      facts.replaceChildren();
      Object.entries(connection).forEach(([name, value]) => {
        if (value === null || typeof value === "object") return;
        facts.append(c.element("dt", name), c.element("dd", String(value)));
      });
      const status = connection.status;
      if (status && typeof status === "object") {
        Object.entries(status).forEach(([name, value]) => {
          if (value === null || value === "" || typeof value === "object") return;
          facts.append(c.element("dt", "status." + name), c.element("dd", String(value)));
        });
      }
    }

    if (!$("onprem-test").dataset.bound) {
      $("onprem-test").dataset.bound = "true";
      $("onprem-test").addEventListener("click", () => {
        c.clear($("onprem-result"));
        c.call("POST", "/api/v1/onprem/connection/test").then((result) => {
          if (!result.ok) return c.showError($("onprem-result"), result);
          const status = result.body.status || result.body.result || "";
          c.showOk($("onprem-result"), c.t("page.admin.onprem_tested", { status: status }));
          if (result.body && typeof result.body === "object") render(result.body);
        });
      });
    }

    c.call("GET", "/api/v1/onprem/connection").then((result) => {
      const none = result.status === 404;
      $("onprem-none").hidden = !none;
      $("onprem-test").hidden = none || !result.ok;
      if (none) return $("onprem-facts").replaceChildren();
      if (!result.ok) return c.showError($("onprem-result"), result);
      render(result.body);
    });
  },
});
