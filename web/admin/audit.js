// The audit log: filters (date range, category, activity, user, result, correlation id),
// pages of events with "Next", and CSV / JSON downloads of the same filter.
"use strict";

window.ssprConsole.register("audit", {
  load(c) {
    const $ = c.$;
    const pageSize = 50;

    // The filter as query parameters (dates as whole UTC days).
    function filters() {
      const params = new URLSearchParams();
      const since = $("audit-since").value;
      const until = $("audit-until").value;
      if (since) params.set("since", since + "T00:00:00Z");
      if (until) params.set("until", until + "T23:59:59Z");
      [["category", "audit-category"], ["activity", "audit-activity"], ["user", "audit-user"],
       ["result", "audit-result"], ["correlation_id", "audit-correlation"]].forEach(([name, id]) => {
        const value = $(id).value.trim();
        if (value) params.set(name, value);
      });
      return params;
    }

    function downloads(params) {
      ["csv", "json"].forEach((format) => {
        const query = new URLSearchParams(params);
        query.set("format", format);
        $("audit-" + format).href = "/api/v1/audit/export?" + query.toString();
      });
    }

    function load(params, cursor, append) {
      const query = new URLSearchParams(params);
      query.set("limit", String(pageSize));
      if (cursor) query.set("cursor", cursor);
      c.call("GET", "/api/v1/audit?" + query.toString()).then((result) => {
        const body = $("audit-rows");
        if (!append) body.replaceChildren();
        if (!result.ok) {
          $("audit-next").hidden = true;
          return c.showError($("console-message"), result);
        }
        const events = result.body.value || result.body.events || [];
        events.forEach((e) => {
          const tr = c.row(body, [e.time, e.category, e.activity, e.actor, e.target, e.result,
                                  e.result_reason, e.correlation_id]);
          tr.className = "audit-row";
        });
        $("audit-empty").hidden = body.children.length > 0;
        const next = result.body.next_cursor;
        $("audit-next").hidden = !next;
        $("audit-next").dataset.cursor = next || "";
        $("audit-rows").dataset.loaded = String(Date.now());
      });
    }

    // Without a licence that grants SSPR, its audit category is not offered (SPEC §1).
    if (!c.state.licensedForSspr) {
      const option = $("audit-category").querySelector(
        "option[value='Self-service password management']");
      if (option) option.remove();
    }

    let current = filters();
    $("audit-form").addEventListener("submit", (event) => {
      event.preventDefault();
      c.clear($("console-message"));
      current = filters();
      downloads(current);
      load(current, "", false);
    });
    $("audit-next").addEventListener("click", () => {
      load(current, $("audit-next").dataset.cursor, true);
    });
    downloads(current);
    load(current, "", false);
  },
});
