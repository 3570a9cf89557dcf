// Groups: every group, and one group's members with nested groups expanded (each group once,
// so a membership cycle cannot loop).
"use strict";

window.ssprConsole.register("groups", {
  load(c) {
    function fetchGroup(name) {
      return c.call("GET", "/api/v1/groups/" + encodeURIComponent(name));
    }

    // Fills `list` with the members of `name`, expanding nested groups not yet seen.
    function members(name, list, seen) {
      return fetchGroup(name).then((result) => {
        if (!result.ok) return c.showError(c.$("console-message"), result);
        (result.body.members || []).forEach((member) => {
          const item = c.element("li", null, "member-" + member.type);
          const label = member.type === "group" ? c.t("page.admin.group") : c.t("page.admin.user");
          item.appendChild(c.element("span", label + ": ", "hint"));
          item.appendChild(c.element("span", member.name));
          list.appendChild(item);
          if (member.type === "group" && !seen.has(member.name)) {
            seen.add(member.name);
            const nested = c.element("ul");
            item.appendChild(nested);
            members(member.name, nested, seen);
          }
        });
        return result.body;
      });
    }

    function showGroup(name) {
      c.$("group-detail").hidden = false;
      c.$("group-detail-heading").textContent = name;
      const list = c.$("group-members");
      list.replaceChildren();
      members(name, list, new Set([name])).then((group) => {
        if (!group) return;
        const licences = group.licenses || [];
        c.$("group-licenses").textContent = c.t("page.admin.licenses") + ": " +
          (licences.length ? licences.join(", ") : c.t("page.admin.none"));
      });
      c.$("group-detail-heading").focus();
    }

    c.call("GET", "/api/v1/groups").then((result) => {
      const list = c.$("group-list");
      list.replaceChildren();
      if (!result.ok) return c.showError(c.$("console-message"), result);
      result.body.groups.forEach((group) => {
        const button = c.element("button", group.name, "link-button");
        button.type = "button";
        button.addEventListener("click", () => showGroup(group.name));
        const item = c.element("li");
        item.appendChild(button);
        if (group.description) item.appendChild(c.element("span", " — " + group.description, "hint"));
        list.appendChild(item);
      });
    });
  },
});
