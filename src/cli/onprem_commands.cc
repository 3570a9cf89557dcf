// sspr onprem set | show | test | delete | sync: a tenant's on-premises directory connection
// (SPEC §9, CONTRACT.md). `set` refuses bad settings with exit 2; `test` exits 0 when the
// connection is up, 1 with "misconfigured: <why>" or "unreachable: <why>"; `sync` imports
// users, groups and membership (progress on stderr when it is a terminal, a summary at the
// end; exit 1 when the directory could not be read).

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/command_groups.h"
#include "domain/onprem/connection_settings.h"
#include "flows/onprem/connection_settings_json.h"

namespace sspr::cli {
namespace {

namespace onprem = domain::onprem;

struct OnPremOptions {
  std::string tenant;
  std::string url;
  std::string flavor;
  std::string bind_dn;
  std::string bind_password_file;
  std::string base_dn;
  bool starttls = false;
  std::string ca_file;
  int timeout = onprem::kDefaultTimeoutSeconds;
  std::string upn_attribute;
  std::string disabled_filter;
  bool full = false;
};

nlohmann::json settings_json(const onprem::ConnectionSettings& s, const std::string& tenant) {
  auto json = flows::onprem::to_json(s);
  json["tenant"] = tenant;
  return json;
}

std::string settings_text(const onprem::ConnectionSettings& s, const std::string& tenant) {
  std::string text = "on-premises connection for " + tenant + "\n";
  text += "  url:                 " + s.url + (s.starttls ? " (StartTLS)" : "") + "\n";
  text += "  flavor:              " + std::string(onprem::flavor_name(s.flavor)) + "\n";
  text += "  service account:     " + s.bind_dn + "\n";
  text += "  password file:       " + s.bind_password_file + "\n";
  text += "  base DN:             " + s.base_dn + "\n";
  text +=
      "  CA file:             " + (s.ca_file.empty() ? "(system trust store)" : s.ca_file) + "\n";
  text += "  timeout:             " + std::to_string(s.timeout_seconds) + " s\n";
  text += "  UPN attribute:       " +
          (s.upn_attribute.empty() ? "(the flavour's default)" : s.upn_attribute) + "\n";
  text += "  disabled filter:     " +
          (s.disabled_filter.empty() ? "(the flavour's default)" : s.disabled_filter) + "\n";
  text += std::string("  managed by:          ") +
          (s.managed_by_config ? "the configuration file ([[onprem]])" : "administrators") + "\n";
  text += "  updated:             " + s.updated_at;
  return text;
}

// A file the server will read later: made absolute (the server may run elsewhere) and checked
// readable now. The content is not looked at here.
std::optional<std::string> readable_file(CommandContext& context, const std::string& path,
                                         const std::string& option) {
  std::error_code ignored;
  auto absolute = std::filesystem::absolute(path, ignored);
  if (absolute.empty() || !std::ifstream(absolute).good()) {
    context.report_usage_error(option + ": cannot read " + path);
    return std::nullopt;
  }
  return absolute.lexically_normal().string();
}

void set_connection(CommandContext& context, const OnPremOptions& options) {
  const auto flavor = onprem::parse_flavor(options.flavor);
  if (!flavor) return context.report_usage_error("--flavor: openldap or active_directory");
  auto password_file = readable_file(context, options.bind_password_file, "--bind-password-file");
  if (!password_file) return;
  std::string ca_file;
  if (!options.ca_file.empty()) {
    auto found = readable_file(context, options.ca_file, "--ca-file");
    if (!found) return;
    ca_file = *found;
  }
  auto tenant = context.tenant_id(options.tenant);
  if (!tenant) return;
  auto* connections = context.onprem_connections();
  if (!connections) return;
  onprem::ConnectionSettings settings{.tenant = *tenant,
                                      .url = options.url,
                                      .flavor = *flavor,
                                      .bind_dn = options.bind_dn,
                                      .bind_password_file = *password_file,
                                      .base_dn = options.base_dn,
                                      .starttls = options.starttls,
                                      .ca_file = ca_file,
                                      .timeout_seconds = options.timeout,
                                      .updated_at = "",
                                      .upn_attribute = options.upn_attribute,
                                      .disabled_filter = options.disabled_filter,
                                      .managed_by_config = false};
  auto saved = connections->set(context.actor(), context.request_context(), settings);
  if (!saved) return context.report_error(saved.error());
  context.print(settings_json(*saved, options.tenant), settings_text(*saved, options.tenant));
}

void show_connection(CommandContext& context, const OnPremOptions& options) {
  auto tenant = context.tenant_id(options.tenant);
  if (!tenant) return;
  auto* connections = context.onprem_connections();
  if (!connections) return;
  auto found = connections->show(context.actor(), *tenant);
  if (!found) return context.report_error(found.error());
  if (!*found) {
    context.print(nlohmann::json{{"tenant", options.tenant}, {"connection", nullptr}},
                  "no on-premises connection for " + options.tenant);
    return;
  }
  auto json = settings_json(**found, options.tenant);
  auto text = settings_text(**found, options.tenant);
  auto status = connections->status(context.actor(), *tenant);
  if (!status) return context.report_error(status.error());
  if (*status) {
    const std::string state(onprem::connection_state_name((*status)->state));
    json["status"] = {{"state", state},
                      {"since", (*status)->since},
                      {"checked_at", (*status)->checked_at},
                      {"reason", (*status)->reason}};
    text += "\n  status:              " + state + " since " + (*status)->since;
    if (!(*status)->reason.empty()) text += " (" + (*status)->reason + ")";
  } else {
    json["status"] = nullptr;
    text += "\n  status:              not checked yet";
  }
  context.print(json, text);
}

void delete_connection(CommandContext& context, const OnPremOptions& options) {
  auto tenant = context.tenant_id(options.tenant);
  if (!tenant) return;
  auto* connections = context.onprem_connections();
  if (!connections) return;
  auto removed = connections->remove(context.actor(), context.request_context(), *tenant);
  if (!removed) return context.report_error(removed.error());
  context.print(nlohmann::json{{"tenant", options.tenant}, {"deleted", true}},
                "on-premises connection of " + options.tenant + " deleted");
}

void sync_directory(CommandContext& context, const OnPremOptions& options) {
  auto tenant = context.tenant_id(options.tenant);
  if (!tenant) return;
  auto* sync = context.onprem_sync();
  if (!sync) return;
  const bool terminal = isatty(STDERR_FILENO) != 0;
  auto progress = [terminal](std::string_view phase, std::size_t done, std::size_t total) {
    if (!terminal) return;
    std::cerr << "\r\033[K" << phase << " " << done;
    if (total > 0) std::cerr << "/" << total;
    std::cerr << std::flush;
  };
  auto summary = sync->run(context.actor(), context.request_context(), *tenant,
                           {.full = options.full}, progress);
  if (terminal) std::cerr << "\r\033[K" << std::flush;
  if (!summary) return context.report_error(summary.error());
  auto json = flows::onprem::summary_json(*summary);
  json["tenant"] = options.tenant;
  std::string text = flows::onprem::summary_line(*summary);
  for (const auto& problem : summary->problems) text += "\n  skipped or dropped: " + problem;
  context.print(json, text);
}

void test_connection(CommandContext& context, const OnPremOptions& options) {
  auto tenant = context.tenant_id(options.tenant);
  if (!tenant) return;
  auto* connections = context.onprem_connections();
  if (!connections) return;
  auto tested = connections->test(context.actor(), context.request_context(), *tenant);
  if (!tested) return context.report_error(tested.error());
  const std::string state(flows::onprem::state_name(tested->state));
  nlohmann::json json{{"tenant", options.tenant}, {"status", state}};
  if (!tested->reason.empty()) json["reason"] = tested->reason;
  context.print(json, tested->reason.empty() ? state : state + ": " + tested->reason);
  if (tested->state != flows::onprem::ConnectionTestResult::State::kUp) {
    context.exit_code = kExitRejected;
  }
}

}  // namespace

void register_onprem_commands(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<OnPremOptions>();

  auto* group = app.add_subcommand("onprem", "a tenant's on-premises directory connection");
  group->require_subcommand(1);

  auto* set = group->add_subcommand("set", "create or replace the tenant's connection");
  set->add_option("--tenant", options->tenant, "tenant (any of its domains)")->required();
  set->add_option("--url", options->url, "ldaps://HOST:PORT, or ldap://HOST:PORT with --starttls")
      ->required();
  set->add_option("--flavor", options->flavor, "openldap or active_directory")
      ->required()
      ->check(CLI::IsMember({"openldap", "active_directory"}));
  set->add_option("--bind-dn", options->bind_dn, "the service account's DN")->required();
  set->add_option("--bind-password-file", options->bind_password_file,
                  "file holding the service account's password (read at use time)")
      ->required();
  set->add_option("--base-dn", options->base_dn, "where the directory's users live")->required();
  set->add_flag("--starttls", options->starttls, "start TLS on an ldap:// connection");
  set->add_option("--ca-file", options->ca_file,
                  "PEM file of the CA that signed the server's certificate (default: the "
                  "system's trust store)");
  set->add_option("--timeout", options->timeout,
                  "seconds for each network step, 1-60 (default 10)");
  set->add_option("--upn-attribute", options->upn_attribute,
                  "sync: the attribute the UPN comes from (default: mail for openldap, "
                  "userPrincipalName for active_directory; a value without @ gets the "
                  "tenant's first domain)");
  set->add_option("--disabled-filter", options->disabled_filter,
                  "sync: the LDAP filter of disabled users (default: the ACCOUNTDISABLE bit of "
                  "userAccountControl for active_directory, ppolicy's permanent lock "
                  "pwdAccountLockedTime=000001010000Z for openldap)");
  set->callback([&context, options] { set_connection(context, *options); });

  auto* show = group->add_subcommand("show", "show the tenant's connection");
  show->add_option("--tenant", options->tenant, "tenant (any of its domains)")->required();
  show->callback([&context, options] { show_connection(context, *options); });

  auto* test = group->add_subcommand(
      "test",
      "connect, bind as the service account and read the base DN: up (exit 0), "
      "misconfigured or unreachable (exit 1)");
  test->add_option("--tenant", options->tenant, "tenant (any of its domains)")->required();
  test->callback([&context, options] { test_connection(context, *options); });

  auto* remove = group->add_subcommand("delete", "remove the tenant's connection");
  remove->add_option("--tenant", options->tenant, "tenant (any of its domains)")->required();
  remove->callback([&context, options] { delete_connection(context, *options); });

  auto* sync = group->add_subcommand(
      "sync",
      "import users, groups and nested membership from the directory (incremental after the "
      "first run)");
  sync->add_option("--tenant", options->tenant, "tenant (any of its domains)")->required();
  sync->add_flag("--full", options->full, "read every entry, not only those changed");
  sync->callback([&context, options] { sync_directory(context, *options); });
}

}  // namespace sspr::cli
