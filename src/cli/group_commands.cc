// sspr group create | list | show | delete | add-member | remove-member

#include <memory>

#include "cli/command_groups.h"
#include "cli/directory_text.h"
#include "cli/text_table.h"
#include "flows/json_view.h"

namespace sspr::cli {
namespace {

struct GroupOptions {
  std::string tenant;
  std::string name;
  std::string description;
  std::string user;
  std::string member_group;
};

void create_group(CommandContext& context, const GroupOptions& options) {
  auto tenant = context.tenant_id(options.tenant);
  if (!tenant) return;
  auto created = context.open_directory()->create_group(context.actor(), context.request_context(),
                                                        *tenant, options.name, options.description);
  if (!created) return context.report_error(created.error());
  context.print(flows::to_json(*created), "created group " + created->group.name);
}

void list_groups(CommandContext& context, const GroupOptions& options) {
  auto tenant = context.tenant_id(options.tenant);
  if (!tenant) return;
  auto groups = context.open_directory()->list_groups(context.actor(), *tenant);
  if (!groups) return context.report_error(groups.error());
  nlohmann::json json = nlohmann::json::array();
  TextTable table({"NAME", "DESCRIPTION"});
  for (const auto& group : *groups) {
    json.push_back(flows::to_json(group));
    table.add_row({group.name, group.description});
  }
  context.print(json, table.empty() ? "no groups" : table.render());
}

void show_group(CommandContext& context, const GroupOptions& options) {
  auto tenant = context.tenant_id(options.tenant);
  if (!tenant) return;
  auto details = context.open_directory()->group(context.actor(), *tenant, options.name);
  if (!details) return context.report_error(details.error());
  context.print(flows::to_json(*details), describe(*details));
}

void delete_group(CommandContext& context, const GroupOptions& options) {
  auto tenant = context.tenant_id(options.tenant);
  if (!tenant) return;
  auto status = context.open_directory()->delete_group(context.actor(), context.request_context(),
                                                       *tenant, options.name);
  if (!status) return context.report_error(status.error());
  context.print({{"deleted", options.name}}, "deleted group " + options.name);
}

void change_membership(CommandContext& context, const GroupOptions& options, bool add) {
  if (options.user.empty() == options.member_group.empty()) {
    return context.report_usage_error("give exactly one of --user UPN or --member-group NAME");
  }
  auto tenant = context.tenant_id(options.tenant);
  if (!tenant) return;
  const bool is_user = !options.user.empty();
  const auto kind = is_user ? domain::MemberKind::kUser : domain::MemberKind::kGroup;
  const std::string& member = is_user ? options.user : options.member_group;
  auto* directory = context.open_directory();
  auto details = add ? directory->add_member(context.actor(), context.request_context(), *tenant,
                                             options.name, kind, member)
                     : directory->remove_member(context.actor(), context.request_context(), *tenant,
                                                options.name, kind, member);
  if (!details) return context.report_error(details.error());
  const std::string what = (is_user ? "user " : "group ") + member;
  context.print(flows::to_json(*details), add ? "added " + what + " to group " + options.name
                                              : "removed " + what + " from group " + options.name);
}

void add_member_options(CLI::App& command, GroupOptions& options) {
  command.add_option("--tenant", options.tenant, "any domain of the tenant")->required();
  command.add_option("--group", options.name, "the group's name")->required();
  auto* user = command.add_option("--user", options.user, "a user, by UPN");
  auto* group = command.add_option("--member-group", options.member_group, "a group, by name");
  user->excludes(group);
  group->excludes(user);
}

}  // namespace

void register_group_commands(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<GroupOptions>();
  auto* group = app.add_subcommand("group", "create groups and manage their (nested) members");
  group->require_subcommand(1);

  auto* create = group->add_subcommand("create", "create a group");
  create->add_option("--tenant", options->tenant, "any domain of the tenant")->required();
  create->add_option("--name", options->name, "group name, unique in the tenant")->required();
  create->add_option("--description", options->description, "what the group is for");
  create->callback([&context, options] { create_group(context, *options); });

  auto* list = group->add_subcommand("list", "list the groups of a tenant");
  list->add_option("--tenant", options->tenant, "any domain of the tenant")->required();
  list->callback([&context, options] { list_groups(context, *options); });

  auto* show = group->add_subcommand("show", "show a group with its members and licences");
  show->add_option("--tenant", options->tenant, "any domain of the tenant")->required();
  show->add_option("--name", options->name, "group name")->required();
  show->callback([&context, options] { show_group(context, *options); });

  auto* remove = group->add_subcommand("delete", "delete a group");
  remove->add_option("--tenant", options->tenant, "any domain of the tenant")->required();
  remove->add_option("--name", options->name, "group name")->required();
  remove->callback([&context, options] { delete_group(context, *options); });

  auto* add_member = group->add_subcommand(
      "add-member", "add a user or a group (nesting) as a direct member of a group");
  add_member_options(*add_member, *options);
  add_member->callback([&context, options] { change_membership(context, *options, true); });

  auto* remove_member = group->add_subcommand("remove-member", "remove a direct member");
  add_member_options(*remove_member, *options);
  remove_member->callback([&context, options] { change_membership(context, *options, false); });
}

}  // namespace sspr::cli
