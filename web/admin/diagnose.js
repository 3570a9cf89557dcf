// Diagnose (SPEC §12): every check of SPEC §4 for one user, in order, with pass or fail, the
// error the user would get and the fix; and the tenant-wide findings.
"use strict";

window.ssprConsole.register("diagnose", {
  load(c) {
    const $ = c.$;
    const results = {
      passed: "page.admin.check_passed",
      failed: "page.admin.check_failed",
      not_applicable: "page.admin.check_not_applicable",
      not_reached: "page.admin.check_not_reached",
    };

    function render(diagnosis) {
      const box = $("diagnose-result");
      box.replaceChildren();
      box.className = "";
      const verdict = c.element("p", diagnosis.can_reset ? c.t("page.admin.can_reset")
                                                          : c.t("page.admin.cannot_reset"),
                                diagnosis.can_reset ? "ok-text verdict" : "field-error verdict");
      verdict.id = "diagnose-verdict";
      box.appendChild(verdict);
      if (diagnosis.first_failure) {
        const first = c.element("p", window.ssprApi.technicalLine(diagnosis.first_failure), "code");
        first.id = "diagnose-code";
        box.appendChild(first);
      }
      const list = c.element("ol", null, "checks");
      const checks = (diagnosis.checks || []).slice();
      if (diagnosis.throttling) {
        checks.push(Object.assign({ check: "Throttling" }, diagnosis.throttling));
      }
      checks.forEach((check) => {
        const item = c.element("li", null, "check check-" + check.result);
        item.dataset.check = check.check;
        item.dataset.result = check.result;
        item.appendChild(c.element("strong", check.check + ": "));
        item.appendChild(c.element("span", c.t(results[check.result] || "page.admin.check_failed")));
        if (check.reason) item.appendChild(c.element("p", check.reason, "hint"));
        if (check.error) {
          item.appendChild(c.element("p", check.error.message));
          item.appendChild(c.element("p", window.ssprApi.technicalLine(check.error), "code"));
        }
        if (check.fix) item.appendChild(c.element("p", c.t("page.admin.fix") + ": " + check.fix));
        list.appendChild(item);
      });
      box.appendChild(list);
    }

    $("diagnose-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const upn = $("diagnose-upn").value.trim();
      if (!upn) return;
      c.call("GET", "/api/v1/diagnose/users/" + encodeURIComponent(upn)).then((result) => {
        if (!result.ok) return c.showError($("diagnose-result"), result);
        render(result.body);
      });
    });

    c.call("GET", "/api/v1/diagnose/tenant").then((result) => {
      if (!result.ok) return c.showError($("diagnose-tenant"), result);
      window.ssprFindings(c, $("diagnose-tenant"), result.body.findings || []);
    });
  },
});
