// sspr tenant create | list | show | add-domain

#include <memory>

#include "cli/command_groups.h"
#include "cli/directory_text.h"
#include "cli/text_table.h"
#include "flows/json_view.h"

namespace sspr::cli {
namespace {

struct TenantOptions {
  std::string name;
  std::string domain;
  std::string tenant;
};

void create_tenant(CommandContext& context, const TenantOptions& options) {
  auto* directory = context.open_directory();
  if (!directory) return;
  auto tenant = directory->create_tenant(context.actor(), context.request_context(), options.name,
                                         options.domain);
  if (!tenant) return context.report_error(tenant.error());
  context.print(flows::to_json(*tenant),
                "created tenant " + tenant->name + " (" + options.domain + ")");
}

void list_tenants(CommandContext& context) {
  auto* directory = context.open_directory();
  if (!directory) return;
  auto tenants = directory->list_tenants(context.actor());
  if (!tenants) return context.report_error(tenants.error());
  nlohmann::json json = nlohmann::json::array();
  TextTable table({"NAME", "DOMAINS", "CREATED"});
  for (const auto& tenant : *tenants) {
    json.push_back(flows::to_json(tenant));
    table.add_row({tenant.name, join_or(tenant.domains, "-"), tenant.created_at});
  }
  context.print(
      json, table.empty() ? "no tenants (create one with `sspr tenant create`)" : table.render());
}

void show_tenant(CommandContext& context, const TenantOptions& options) {
  auto* directory = context.open_directory();
  if (!directory) return;
  auto tenant = directory->tenant_by_domain(context.actor(), options.domain);
  if (!tenant) return context.report_error(tenant.error());
  context.print(flows::to_json(*tenant), describe(*tenant));
}

void add_domain(CommandContext& context, const TenantOptions& options) {
  auto tenant_id = context.tenant_id(options.tenant);
  if (!tenant_id) return;
  auto tenant = context.open_directory()->add_domain(context.actor(), context.request_context(),
                                                     *tenant_id, options.domain);
  if (!tenant) return context.report_error(tenant.error());
  context.print(flows::to_json(*tenant),
                "added domain " + options.domain + " to tenant " + tenant->name);
}

}  // namespace

void register_tenant_commands(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<TenantOptions>();
  auto* group = app.add_subcommand("tenant", "create and inspect tenants (organisations)");
  group->require_subcommand(1);

  auto* create = group->add_subcommand("create", "create a tenant with its initial domain");
  create->add_option("--name", options->name, "display name, e.g. Contoso")->required();
  create->add_option("--domain", options->domain, "initial domain, e.g. contoso.example")
      ->required();
  create->callback([&context, options] { create_tenant(context, *options); });

  auto* list = group->add_subcommand("list", "list all tenants");
  list->callback([&context] { list_tenants(context); });

  auto* show = group->add_subcommand("show", "show the tenant owning a domain");
  show->add_option("--domain", options->domain, "any domain of the tenant")->required();
  show->callback([&context, options] { show_tenant(context, *options); });

  auto* add = group->add_subcommand("add-domain", "add a domain to a tenant");
  add->add_option("--tenant", options->tenant, "a domain the tenant already has")->required();
  add->add_option("--domain", options->domain, "the new domain")->required();
  add->callback([&context, options] { add_domain(context, *options); });
}

}  // namespace sspr::cli
