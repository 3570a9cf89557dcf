// sspr role assign | remove | list

#include <memory>

#include "cli/command_groups.h"
#include "cli/text_table.h"
#include "domain/admin_role.h"
#include "flows/json_view.h"

namespace sspr::cli {
namespace {

struct RoleOptions {
  std::string user;
  std::string role;
  std::string tenant;
};

void change_role(CommandContext& context, const RoleOptions& options, bool assign) {
  auto* directory = context.open_directory();
  if (!directory) return;
  auto details = assign ? directory->assign_role(context.actor(), context.request_context(),
                                                 options.user, options.role)
                        : directory->remove_role(context.actor(), context.request_context(),
                                                 options.user, options.role);
  if (!details) return context.report_error(details.error());
  context.print(flows::to_json(*details),
                assign ? "assigned role " + options.role + " to " + options.user
                       : "removed role " + options.role + " from " + options.user);
}

void list_role_catalogue(CommandContext& context) {
  nlohmann::json json = nlohmann::json::array();
  TextTable table({"ROLE", "NAME", "PERMISSIONS"});
  for (const auto& role : domain::all_admin_roles()) {
    std::vector<std::string> permissions;
    for (unsigned bit = 1; bit != 0 && bit <= role.permissions; bit <<= 1) {
      if (role.permissions & bit) {
        permissions.emplace_back(domain::to_string(static_cast<domain::Permission>(bit)));
      }
    }
    json.push_back({{"id", role.id}, {"name", role.display_name}, {"permissions", permissions}});
    table.add_row(
        {std::string(role.id), std::string(role.display_name), join_or(permissions, "-")});
  }
  context.print(json, table.render());
}

// Assignments of one tenant: every user holding a role. Reads users page by page.
void list_role_assignments(CommandContext& context, const RoleOptions& options) {
  auto tenant = context.tenant_id(options.tenant);
  if (!tenant) return;
  auto* directory = context.open_directory();
  if (!directory) return;
  auto assignments = directory->role_assignments(context.actor(), *tenant);
  if (!assignments) return context.report_error(assignments.error());
  // Group the (UPN, role) pairs, which come ordered by UPN, into one row per user.
  std::vector<std::pair<std::string, std::vector<std::string>>> by_user;
  for (const auto& [upn, role] : *assignments) {
    if (by_user.empty() || by_user.back().first != upn) by_user.push_back({upn, {}});
    by_user.back().second.push_back(role);
  }
  nlohmann::json json = nlohmann::json::array();
  TextTable table({"USER", "ROLES"});
  for (const auto& [upn, roles] : by_user) {
    json.push_back({{"upn", upn}, {"roles", roles}});
    table.add_row({upn, join_or(roles, "-")});
  }
  context.print(json, table.empty() ? "no administrators in " + options.tenant : table.render());
}

}  // namespace

void register_role_commands(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<RoleOptions>();
  auto* group = app.add_subcommand("role", "administrator roles");
  group->require_subcommand(1);

  auto* assign = group->add_subcommand("assign", "give a user an administrator role");
  assign->add_option("--user", options->user, "user principal name")->required();
  assign
      ->add_option("--role", options->role,
                   "role id, e.g. global-administrator (see `sspr role list`)")
      ->required();
  assign->callback([&context, options] { change_role(context, *options, true); });

  auto* remove = group->add_subcommand("remove", "take an administrator role from a user");
  remove->add_option("--user", options->user, "user principal name")->required();
  remove->add_option("--role", options->role, "role id")->required();
  remove->callback([&context, options] { change_role(context, *options, false); });

  auto* list = group->add_subcommand(
      "list", "list the roles, or with --tenant the administrators of a tenant");
  list->add_option("--tenant", options->tenant, "list role holders of this tenant (any domain)");
  list->callback([&context, options] {
    if (options->tenant.empty()) return list_role_catalogue(context);
    list_role_assignments(context, *options);
  });
}

}  // namespace sspr::cli
