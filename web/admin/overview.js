// Overview: the tenant, its domains, its licences, whether SSPR is on, and the tenant-wide
// findings of diagnose. Says why SSPR is unavailable when no licence grants it.
"use strict";

window.ssprConsole.register("overview", {
  reload: true,
  load(c) {
    const tenant = c.state.tenant;
    c.$("overview-tenant").textContent = tenant.name;
    c.$("overview-domains").textContent = (tenant.domains || []).join(", ");
    c.$("sspr-unavailable").hidden = c.state.licensedForSspr;
    c.$("sspr-unavailable-text").textContent = c.unlicensedText();
    c.call("GET", "/api/v1/subscriptions").then((result) => {
      const body = c.$("overview-licenses");
      body.replaceChildren();
      if (!result.ok) return c.showError(c.$("console-message"), result);
      result.body.subscriptions.forEach((s) => {
        c.row(body, [s.sku, s.seats === null ? c.t("page.admin.unlimited") : s.seats, s.assigned]);
      });
    });
    c.call("GET", "/api/v1/policy").then((result) => {
      if (!result.ok) return;
      const policy = result.body;
      const names = {
        none: c.t("page.admin.enabled_none"),
        selected: c.t("page.admin.enabled_selected"),
        all: c.t("page.admin.enabled_all"),
      };
      c.$("overview-policy").textContent = policy.configured
        ? names[policy.enabled] + (policy.group ? " (" + policy.group + ")" : "")
        : c.t("page.admin.not_configured");
    });
    c.call("GET", "/api/v1/diagnose/tenant").then((result) => {
      const list = c.$("overview-findings");
      list.replaceChildren();
      if (!result.ok) return;
      window.ssprFindings(c, list, result.body.findings || []);
    });
  },
});

// Renders tenant findings (shared with the diagnose section).
window.ssprFindings = function (c, list, findings) {
  list.replaceChildren();
  if (!findings.length) {
    list.appendChild(c.element("li", c.t("page.admin.no_findings"), "ok-text"));
    return;
  }
  findings.forEach((finding) => {
    const item = c.element("li", null, "finding finding-" + finding.severity);
    item.appendChild(c.element("strong", finding.text));
    if (finding.error) {
      item.appendChild(c.element("div", window.ssprApi.technicalLine(finding.error), "code"));
    }
    item.appendChild(c.element("p", c.t("page.admin.fix") + ": " + finding.fix, "hint"));
    list.appendChild(item);
  });
};
