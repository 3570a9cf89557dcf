// Support-code lookup: the whole story recorded under a support code (GET /api/v1/support/).
"use strict";

window.ssprConsole.register("support", {
  load(c) {
    const $ = c.$;

    function render(record) {
      const box = $("support-result");
      box.replaceChildren();
      box.className = "";
      const facts = c.element("dl", null, "facts");
      const add = (key, value) => {
        if (value === null || value === undefined || value === "") return;
        facts.append(c.element("dt", c.t(key)), c.element("dd", value));
      };
      add("page.reset.support_code", record.support_code);
      add("page.admin.correlation_id", record.correlation_id);
      add("page.admin.tenant", record.tenant && record.tenant.name);
      add("page.admin.user", record.user);
      if (record.error) {
        add("page.admin.error", record.error.code + " " + record.error.name + ": " +
                                record.error.message);
        add("page.reset.technical", record.error.technical);
        // What the user read, in their own language, when that was another than this page's.
        if (record.error.user_message && record.error.user_message !== record.error.message) {
          add("page.admin.user_was_told",
              "(" + record.error.user_language + ") " + record.error.user_message);
        }
        add("page.admin.fix", record.error.fix);
      }
      box.appendChild(facts);
      const table = c.element("table", null, "data");
      const head = c.element("tr");
      ["page.admin.time", "page.admin.activity", "page.admin.step", "page.admin.result",
       "page.admin.reason"].forEach((key) => {
        const th = c.element("th", c.t(key));
        th.scope = "col";
        head.appendChild(th);
      });
      const thead = c.element("thead");
      thead.appendChild(head);
      const body = c.element("tbody");
      (record.events || []).forEach((event) => {
        c.row(body, [event.time, event.activity,
                     [event.step, event.method].filter(Boolean).join(" "), event.result,
                     event.result_reason]);
      });
      table.append(thead, body);
      const scroll = c.element("div", null, "scroll");
      scroll.appendChild(table);
      box.appendChild(scroll);
    }

    $("support-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const code = $("support-code").value.trim();
      if (!code) return;
      c.call("GET", "/api/v1/support/" + encodeURIComponent(code)).then((result) => {
        if (!result.ok) return c.showError($("support-result"), result);
        render(result.body);
      });
    });
  },
});
