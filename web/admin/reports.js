// Reports: registration (totals, a bar chart of registered / capable, per user) and usage
// (resets, unlocks and failures per day as a bar chart; by method combination; failures by
// reason; administrators resetting). Charts are SVG drawn here, no library.
"use strict";

window.ssprConsole.register("reports", {
  reload: true,
  load(c) {
    const $ = c.$;
    const svgNs = "http://www.w3.org/2000/svg";

    function svg(tag, attributes, text) {
      const node = document.createElementNS(svgNs, tag);
      Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
      if (text !== undefined) node.textContent = text;
      return node;
    }

    // A horizontal bar per {label, value} out of `max`, with the label and value as text.
    function barChart(container, title, bars, max) {
      const rowHeight = 28;
      const chart = svg("svg", { viewBox: "0 0 400 " + (bars.length * rowHeight + 8),
                                 role: "img", "aria-label": title, class: "bars" });
      chart.appendChild(svg("title", {}, title));
      bars.forEach((bar, i) => {
        const y = 4 + i * rowHeight;
        const width = max > 0 ? Math.round((bar.value / max) * 240) : 0;
        chart.appendChild(svg("text", { x: 0, y: y + 17, class: "bar-label" }, bar.label));
        chart.appendChild(svg("rect", { x: 130, y: y + 4, width: Math.max(width, 1), height: 18,
                                        class: "bar bar-" + (bar.kind || i) }));
        chart.appendChild(svg("text", { x: 136 + width, y: y + 17, class: "bar-value" },
                              bar.text || String(bar.value)));
      });
      container.replaceChildren(chart);
    }

    // Columns per day: resets, unlocks and failures side by side.
    function dayChart(container, title, days) {
      const kinds = ["resets", "unlocks", "failures"];
      const max = Math.max(1, ...days.map((d) => Math.max(...kinds.map((k) => d[k] || 0))));
      const width = Math.max(400, days.length * 40 + 40);
      const chart = svg("svg", { viewBox: "0 0 " + width + " 200", role: "img",
                                 "aria-label": title, class: "columns" });
      chart.appendChild(svg("title", {}, title));
      days.forEach((day, i) => {
        const x = 30 + i * 40;
        kinds.forEach((kind, k) => {
          const height = Math.round(((day[kind] || 0) / max) * 150);
          chart.appendChild(svg("rect", { x: x + k * 10, y: 170 - height, width: 9,
                                          height: Math.max(height, 1), class: "bar bar-" + kind },
                                ));
        });
        chart.appendChild(svg("text", { x: x, y: 188, class: "bar-label small" },
                              String(day.date).slice(5)));
      });
      const legend = c.element("p", null, "legend");
      kinds.forEach((kind) => {
        const keys = { resets: "page.admin.resets", unlocks: "page.admin.unlocks",
                       failures: "page.admin.failures" };
        legend.appendChild(c.element("span", c.t(keys[kind]), "legend-" + kind));
      });
      container.replaceChildren(chart, legend);
    }

    function listInto(list, items, text) {
      list.replaceChildren();
      if (!items.length) list.appendChild(c.element("li", c.t("page.admin.none")));
      items.forEach((item) => list.appendChild(c.element("li", text(item))));
    }

    c.call("GET", "/api/v1/reports/registration?format=json").then((result) => {
      if (result.status === 404) return ($("reports-missing").hidden = false);
      if (!result.ok) return c.showError($("console-message"), result);
      const totals = result.body.totals || {};
      const facts = $("report-registration-totals");
      facts.replaceChildren();
      [["page.admin.users", totals.users], ["page.admin.in_scope", totals.in_scope],
       ["page.admin.registered", totals.registered + " (" + totals.registered_percent + " %)"],
       ["page.admin.capable", totals.capable + " (" + totals.capable_percent + " %)"]]
        .forEach(([key, value]) => facts.append(c.element("dt", c.t(key)), c.element("dd", value)));
      barChart($("report-registration-chart"), c.t("page.admin.registration_report"), [
        { label: c.t("page.admin.in_scope"), value: totals.in_scope || 0, kind: "scope" },
        { label: c.t("page.admin.registered"), value: totals.registered || 0, kind: "registered" },
        { label: c.t("page.admin.capable"), value: totals.capable || 0, kind: "capable" },
      ], Math.max(totals.in_scope || 0, totals.registered || 0, totals.capable || 0));
      const body = $("report-registration-rows");
      body.replaceChildren();
      const yes = c.t("page.admin.yes");
      const no = c.t("page.admin.no");
      (result.body.users || []).slice(0, 500).forEach((u) => {
        const methods = Array.isArray(u.methods_registered)
          ? u.methods_registered.map(c.methodName).join(", ") : u.methods_registered;
        c.row(body, [u.upn, methods, u.registered ? yes : no, u.capable ? yes : no,
                     u.last_updated]);
      });
    });

    c.call("GET", "/api/v1/reports/usage?format=json").then((result) => {
      if (result.status === 404) return ($("reports-missing").hidden = false);
      if (!result.ok) return c.showError($("console-message"), result);
      const usage = result.body;
      dayChart($("report-usage-chart"), c.t("page.admin.usage_report"), usage.per_day || []);
      listInto($("report-usage-methods"), usage.by_methods || [], (m) =>
        (Array.isArray(m.methods) ? m.methods.map(c.methodName).join(" + ") : m.methods) + ": " +
        m.resets);
      listInto($("report-usage-failures"), usage.failures_by_reason || [],
               (f) => f.reason + ": " + f.count);
      listInto($("report-usage-admins"), usage.admins_resetting || [],
               (a) => a.actor + ": " + a.resets);
    });
  },
});
