// sspr license assign | remove | add | list | skus

#include <memory>

#include "cli/command_groups.h"
#include "cli/text_table.h"
#include "domain/license_sku.h"
#include "flows/json_view.h"

namespace sspr::cli {
namespace {

struct LicenseOptions {
  std::string user;
  std::string tenant;
  std::string group;
  std::string sku;
  std::optional<int> seats;
};

// assign and remove take (--user UPN | --tenant DOMAIN --group NAME).
bool check_assignee(CommandContext& context, const LicenseOptions& options) {
  const bool for_user = !options.user.empty();
  const bool for_group = !options.group.empty();
  if (for_user == for_group) {
    context.report_usage_error("give either --user UPN or --tenant DOMAIN --group NAME");
    return false;
  }
  if (for_group && options.tenant.empty()) {
    context.report_usage_error("--group needs --tenant DOMAIN");
    return false;
  }
  return true;
}

void change_assignment(CommandContext& context, const LicenseOptions& options, bool assign) {
  if (!check_assignee(context, options)) return;
  const std::string verb = assign ? "assigned " : "removed ";
  const std::string preposition = assign ? " to " : " from ";
  if (!options.user.empty()) {
    auto* directory = context.open_directory();
    if (!directory) return;
    auto details = assign
                       ? directory->assign_license_to_user(
                             context.actor(), context.request_context(), options.user, options.sku)
                       : directory->remove_license_from_user(
                             context.actor(), context.request_context(), options.user, options.sku);
    if (!details) return context.report_error(details.error());
    std::string text = verb + options.sku + preposition + "user " + options.user;
    if (assign && !details->licensed_for_sspr) text += " (this licence does not grant SSPR)";
    return context.print(flows::to_json(*details), text);
  }
  auto tenant = context.tenant_id(options.tenant);
  if (!tenant) return;
  auto* directory = context.open_directory();
  auto details =
      assign ? directory->assign_license_to_group(context.actor(), context.request_context(),
                                                  *tenant, options.group, options.sku)
             : directory->remove_license_from_group(context.actor(), context.request_context(),
                                                    *tenant, options.group, options.sku);
  if (!details) return context.report_error(details.error());
  context.print(flows::to_json(*details),
                verb + options.sku + preposition + "group " + options.group);
}

void add_subscription(CommandContext& context, const LicenseOptions& options) {
  auto tenant = context.tenant_id(options.tenant);
  if (!tenant) return;
  auto subscription = context.open_directory()->add_subscription(
      context.actor(), context.request_context(), *tenant, options.sku, options.seats);
  if (!subscription) return context.report_error(subscription.error());
  const std::string seats =
      subscription->seats ? std::to_string(*subscription->seats) + " seats" : "no seat limit";
  context.print(flows::to_json(*subscription),
                "subscription " + subscription->sku + " for " + options.tenant + ": " + seats);
}

void list_subscriptions(CommandContext& context, const LicenseOptions& options) {
  auto tenant = context.tenant_id(options.tenant);
  if (!tenant) return;
  auto subscriptions = context.open_directory()->list_subscriptions(context.actor(), *tenant);
  if (!subscriptions) return context.report_error(subscriptions.error());
  nlohmann::json json = nlohmann::json::array();
  TextTable table({"SKU", "SEATS", "ASSIGNED"});
  for (const auto& subscription : *subscriptions) {
    json.push_back(flows::to_json(subscription));
    table.add_row({subscription.sku,
                   subscription.seats ? std::to_string(*subscription.seats) : "unlimited",
                   std::to_string(subscription.assigned)});
  }
  context.print(json, table.empty() ? "no subscriptions" : table.render());
}

void list_skus(CommandContext& context) {
  nlohmann::json json = nlohmann::json::array();
  TextTable table({"SKU", "NAME", "SSPR CLOUD USERS", "SSPR SYNCED USERS"});
  for (const auto& sku : domain::all_license_skus()) {
    json.push_back({{"sku", sku.id},
                    {"name", sku.display_name},
                    {"sspr_for_cloud_users", sku.sspr_for_cloud_users},
                    {"sspr_for_synced_users", sku.sspr_for_synced_users}});
    table.add_row({std::string(sku.id), std::string(sku.display_name),
                   sku.sspr_for_cloud_users ? "yes" : "no",
                   sku.sspr_for_synced_users ? "yes" : "no"});
  }
  context.print(json, table.render());
}

void add_assignee_options(CLI::App& command, LicenseOptions& options) {
  auto* user = command.add_option("--user", options.user, "assign to this user (UPN)");
  auto* group = command.add_option("--group", options.group, "assign to this group (name)");
  command.add_option("--tenant", options.tenant, "the group's tenant (any of its domains)");
  user->excludes(group);
  group->excludes(user);
  command.add_option("--sku", options.sku, "FREE O365_PAID BASIC PREMIUM_P1 PREMIUM_P2 EMS SPE")
      ->required();
}

}  // namespace

void register_license_commands(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<LicenseOptions>();
  auto* group = app.add_subcommand("license", "licence subscriptions and assignments");
  group->alias("licence");
  group->require_subcommand(1);

  auto* assign = group->add_subcommand("assign", "assign a licence to a user or a group");
  add_assignee_options(*assign, *options);
  assign->callback([&context, options] { change_assignment(context, *options, true); });

  auto* remove = group->add_subcommand("remove", "remove a licence from a user or a group");
  add_assignee_options(*remove, *options);
  remove->callback([&context, options] { change_assignment(context, *options, false); });

  auto* add = group->add_subcommand("add", "add or change a tenant's subscription to a SKU");
  add->add_option("--tenant", options->tenant, "any domain of the tenant")->required();
  add->add_option("--sku", options->sku, "FREE O365_PAID BASIC PREMIUM_P1 PREMIUM_P2 EMS SPE")
      ->required();
  add->add_option("--seats", options->seats, "number of seats (default: no limit)")
      ->check(CLI::NonNegativeNumber);
  add->callback([&context, options] { add_subscription(context, *options); });

  auto* list = group->add_subcommand("list", "list a tenant's subscriptions and seat use");
  list->add_option("--tenant", options->tenant, "any domain of the tenant")->required();
  list->callback([&context, options] { list_subscriptions(context, *options); });

  auto* skus = group->add_subcommand("skus", "list the licence SKUs and what they grant");
  skus->callback([&context] { list_skus(context); });
}

}  // namespace sspr::cli
