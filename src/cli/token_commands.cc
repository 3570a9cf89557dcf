// sspr token create | list | revoke

#include <memory>

#include "cli/command_groups.h"
#include "cli/text_table.h"
#include "flows/json_view.h"

namespace sspr::cli {
namespace {

struct TokenOptions {
  std::string tenant;
  std::string name;
  std::string role;
};

// The secret is printed exactly once, here: alone on the first line so scripts can take it
// with `head -n1`, or in the "token" field with --json.
void create_token(CommandContext& context, const TokenOptions& options) {
  auto tenant = context.tenant_id(options.tenant);
  if (!tenant) return;
  auto created = context.open_directory()->create_token(context.actor(), context.request_context(),
                                                        *tenant, options.name, options.role);
  if (!created) return context.report_error(created.error());
  nlohmann::json json = flows::to_json(created->token);
  json["token"] = created->secret;
  json["tenant"] = options.tenant;
  context.print(json, created->secret + "\n" + "API token '" + created->token.name + "' (role " +
                          created->token.role + ") for " + options.tenant +
                          ". It is shown only now: store it safely.\n" +
                          "Use it as: Authorization: Bearer <token>");
}

void list_tokens(CommandContext& context, const TokenOptions& options) {
  auto tenant = context.tenant_id(options.tenant);
  if (!tenant) return;
  auto tokens = context.open_directory()->list_tokens(context.actor(), *tenant);
  if (!tokens) return context.report_error(tokens.error());
  nlohmann::json json = nlohmann::json::array();
  TextTable table({"NAME", "ROLE", "CREATED", "STATE"});
  for (const auto& token : *tokens) {
    json.push_back(flows::to_json(token));
    table.add_row({token.name, token.role, token.created_at, token.revoked ? "revoked" : "active"});
  }
  context.print(json, table.empty() ? "no tokens" : table.render());
}

void revoke_token(CommandContext& context, const TokenOptions& options) {
  auto tenant = context.tenant_id(options.tenant);
  if (!tenant) return;
  auto status = context.open_directory()->revoke_token(context.actor(), context.request_context(),
                                                       *tenant, options.name);
  if (!status) return context.report_error(status.error());
  context.print({{"revoked", options.name}}, "revoked token " + options.name);
}

}  // namespace

void register_token_commands(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<TokenOptions>();
  auto* group = app.add_subcommand("token", "API tokens for the admin API");
  group->require_subcommand(1);

  auto* create = group->add_subcommand("create", "create an API token; it is printed once");
  create->add_option("--tenant", options->tenant, "any domain of the tenant")->required();
  create->add_option("--name", options->name, "label, unique in the tenant (default: generated)");
  create->add_option("--role", options->role,
                     "administrator role the token acts with (default global-administrator)");
  create->callback([&context, options] { create_token(context, *options); });

  auto* list = group->add_subcommand("list", "list a tenant's tokens (never their secrets)");
  list->add_option("--tenant", options->tenant, "any domain of the tenant")->required();
  list->callback([&context, options] { list_tokens(context, *options); });

  auto* revoke = group->add_subcommand("revoke", "revoke a token by name");
  revoke->add_option("--tenant", options->tenant, "any domain of the tenant")->required();
  revoke->add_option("--name", options->name, "the token's name")->required();
  revoke->callback([&context, options] { revoke_token(context, *options); });
}

}  // namespace sspr::cli
