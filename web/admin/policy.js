// The SSPR policy in the reference product's layout: properties, authentication methods,
// registration, notifications, customisation, on-premises integration. Options that depend
// on another appear only while it is on; the server's refusal of a combination is shown with
// its explanation. Unavailable, with the reason, when no licence grants SSPR.
"use strict";

window.ssprConsole.register("policy", {
  load(c) {
    const $ = c.$;
    const form = $("policy-form");
    const checked = (selector) => form.querySelector(selector + ":checked");

    // Shows each dependent option only while the option it depends on is on.
    function dependents() {
      const enabled = checked("input[name=enabled]");
      $("policy-group-row").hidden = !enabled || enabled.value !== "selected";
      $("policy-questions").hidden = !$("method-security_questions").checked;
      $("reconfirm-row").hidden = !$("require-registration").checked;
      $("unlock-row").hidden = !$("writeback").checked;
    }

    function fill(policy) {
      form.querySelectorAll("input[name=enabled]").forEach((radio) => {
        radio.checked = radio.value === (policy.enabled || "none");
      });
      form.querySelectorAll("input[name=methods_required]").forEach((radio) => {
        radio.checked = Number(radio.value) === (policy.methods_required || 1);
      });
      const methods = policy.methods || ["email", "mobile_phone"];
      form.querySelectorAll("input[name=methods]").forEach((box) => {
        box.checked = methods.includes(box.value);
      });
      $("questions-to-register").value = String(policy.questions_to_register || 3);
      $("questions-to-reset").value = String(policy.questions_to_reset || 3);
      $("require-registration").checked = policy.require_registration !== false;
      $("reconfirm-days").value = String(policy.reconfirm_days === undefined ? 180
                                                                            : policy.reconfirm_days);
      $("notify-users").checked = policy.notify_users !== false;
      $("notify-admins").checked = !!policy.notify_admins;
      $("helpdesk").value = policy.helpdesk || "";
      $("writeback").checked = !!policy.writeback;
      $("unlock").checked = !!policy.unlock;
      if (policy.group) $("policy-group").value = policy.group;
      dependents();
    }

    function collect() {
      const enabled = checked("input[name=enabled]");
      const required = checked("input[name=methods_required]");
      const change = {
        enabled: enabled ? enabled.value : "none",
        methods_required: required ? Number(required.value) : 1,
        methods: Array.from(form.querySelectorAll("input[name=methods]:checked"))
          .map((box) => box.value),
        require_registration: $("require-registration").checked,
        notify_users: $("notify-users").checked,
        notify_admins: $("notify-admins").checked,
        helpdesk: $("helpdesk").value.trim() || null,
        writeback: $("writeback").checked,
        unlock: $("writeback").checked && $("unlock").checked,
      };
      if (change.enabled === "selected") change.group = $("policy-group").value;
      if (change.methods.includes("security_questions")) {
        change.questions_to_register = Number($("questions-to-register").value);
        change.questions_to_reset = Number($("questions-to-reset").value);
      }
      if (change.require_registration) {
        change.reconfirm_days = Number($("reconfirm-days").value || "0");
      }
      return change;
    }

    form.addEventListener("change", dependents);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      $("policy-save").disabled = true;
      c.call("PATCH", "/api/v1/policy", collect()).then((result) => {
        $("policy-save").disabled = false;
        if (!result.ok) return c.showError($("policy-result"), result);
        fill(result.body);
        c.showOk($("policy-result"), c.t("page.admin.saved"));
      });
    });

    if (!c.state.licensedForSspr) {
      form.hidden = true;
      $("policy-unavailable").hidden = false;
      $("policy-unavailable-text").textContent = c.unlicensedText();
      return;
    }
    c.call("GET", "/api/v1/groups").then((groups) => {
      const select = $("policy-group");
      select.replaceChildren();
      ((groups.ok && groups.body.groups) || []).forEach((group) => {
        const option = c.element("option", group.name);
        option.value = group.name;
        select.appendChild(option);
      });
      return c.call("GET", "/api/v1/policy");
    }).then((result) => {
      if (!result.ok) return c.showError($("policy-result"), result);
      fill(result.body);
      form.dataset.loaded = "true";
    });
  },
});
