#include "flows/onprem/onprem_connections.h"

#include <algorithm>

#include "domain/onprem/writeback_errors.h"
#include "flows/directory_access.h"
#include "flows/in_transaction.h"
#include "flows/onprem/connection_status_record.h"

namespace sspr::flows::onprem {

using domain::Permission;
using domain::Result;
using domain::onprem::ConnectionSettings;

std::string_view state_name(ConnectionTestResult::State state) {
  switch (state) {
    case ConnectionTestResult::State::kUp:
      return "up";
    case ConnectionTestResult::State::kMisconfigured:
      return "misconfigured";
    case ConnectionTestResult::State::kUnreachable:
      return "unreachable";
  }
  return "misconfigured";
}

namespace {

nlohmann::json settings_details(const ConnectionSettings& s) {
  return {{"url", s.url},
          {"flavor", std::string(domain::onprem::flavor_name(s.flavor))},
          {"bind_dn", s.bind_dn},
          {"bind_password_file", s.bind_password_file},
          {"base_dn", s.base_dn},
          {"starttls", s.starttls},
          {"ca_file", s.ca_file},
          {"timeout_seconds", s.timeout_seconds},
          {"upn_attribute", s.upn_attribute},
          {"disabled_filter", s.disabled_filter},
          {"managed_by_config", s.managed_by_config}};
}

// The actor of the changes the configuration file makes.
domain::Actor configuration_file() {
  return domain::Actor{"configuration file", std::nullopt, ~0u};
}

}  // namespace

Result<ConnectionSettings> OnPremisesConnections::set(const domain::Actor& actor,
                                                      const domain::RequestContext& ctx,
                                                      ConnectionSettings settings) {
  if (auto valid = domain::onprem::validate_connection_settings(settings); !valid) {
    return valid.error();
  }
  settings.updated_at = domain::to_iso8601(clock_.now());
  settings.managed_by_config = false;
  return in_transaction<ConnectionSettings>(
      store_, [&](store::StoreTransaction& tx) -> Result<ConnectionSettings> {
        auto found = detail::find_tenant(tx, actor, settings.tenant, Permission::kManagePolicy);
        if (!found) return found.error();
        const auto before = tx.find_onprem_connection(settings.tenant);
        if (before && before->managed_by_config) {
          return domain::onprem::managed_by_config_error(found->name);
        }
        tx.save_onprem_connection(settings);
        nlohmann::json details = {{"after", settings_details(settings)}};
        if (before) details["before"] = settings_details(*before);
        detail::AuditWriter{clock_, random_, actor, ctx}.write(
            tx, settings.tenant, domain::audit_category::kDirectoryManagement,
            domain::audit_activity::kSetOnPremisesConnection, found->name, details);
        return settings;
      });
}

Result<std::optional<ConnectionSettings>> OnPremisesConnections::show(const domain::Actor& actor,
                                                                      domain::TenantId tenant) {
  using Found = std::optional<ConnectionSettings>;
  return in_transaction<Found>(store_, [&](store::StoreTransaction& tx) -> Result<Found> {
    auto found = detail::find_tenant(tx, actor, tenant, Permission::kReadDirectory);
    if (!found) return found.error();
    return tx.find_onprem_connection(tenant);
  });
}

domain::Status OnPremisesConnections::remove(const domain::Actor& actor,
                                             const domain::RequestContext& ctx,
                                             domain::TenantId tenant) {
  return store_.transact([&](store::StoreTransaction& tx) -> domain::Status {
    auto found = detail::find_tenant(tx, actor, tenant, Permission::kManagePolicy);
    if (!found) return found.error();
    const auto before = tx.find_onprem_connection(tenant);
    if (before && before->managed_by_config) {
      return domain::onprem::managed_by_config_error(found->name);
    }
    if (!before || !tx.delete_onprem_connection(tenant)) {
      return domain::errors::not_found("on-premises connection", found->name);
    }
    detail::AuditWriter{clock_, random_, actor, ctx}.write(
        tx, tenant, domain::audit_category::kDirectoryManagement,
        domain::audit_activity::kDeleteOnPremisesConnection, found->name,
        {{"before", settings_details(*before)}});
    return domain::ok_status();
  });
}

Result<std::optional<domain::onprem::ConnectionStatus>> OnPremisesConnections::status(
    const domain::Actor& actor, domain::TenantId tenant) {
  using Found = std::optional<domain::onprem::ConnectionStatus>;
  return in_transaction<Found>(store_, [&](store::StoreTransaction& tx) -> Result<Found> {
    auto found = detail::find_tenant(tx, actor, tenant, Permission::kReadDirectory);
    if (!found) return found.error();
    return tx.find_onprem_status(tenant);
  });
}

Result<ConnectionTestResult> OnPremisesConnections::test(const domain::Actor& actor,
                                                         const domain::RequestContext& ctx,
                                                         domain::TenantId tenant) {
  using Found = std::optional<ConnectionSettings>;
  auto settings = in_transaction<Found>(store_, [&](store::StoreTransaction& tx) -> Result<Found> {
    auto found = detail::find_tenant(tx, actor, tenant, Permission::kManagePolicy);
    if (!found) return found.error();
    return tx.find_onprem_connection(tenant);
  });
  if (!settings) return settings.error();
  ConnectionTestResult result;
  if (!*settings) {
    result.state = ConnectionTestResult::State::kMisconfigured;
    result.reason = "no on-premises connection is configured for this tenant";
  } else if (auto tested = connector_.test(**settings); !tested) {
    // The directory could not be reached in time (SSPR_0030), or it answered and something is
    // for the administrator to fix (SSPR_0029: credentials, base DN, TLS).
    result.state = tested.error().code == "SSPR_0030" ? ConnectionTestResult::State::kUnreachable
                                                      : ConnectionTestResult::State::kMisconfigured;
    result.reason = tested.error().technical;
  }
  auto audited = store_.transact([&](store::StoreTransaction& tx) -> domain::Status {
    auto found = detail::find_tenant(tx, actor, tenant);
    if (!found) return found.error();
    if (*settings) {
      std::optional<domain::Error> failure;
      if (result.state == ConnectionTestResult::State::kUnreachable) {
        failure = domain::onprem::connectivity_error(result.reason);
      } else if (result.state == ConnectionTestResult::State::kMisconfigured) {
        failure = domain::onprem::admin_action_required(result.reason);
      }
      record_connection_outcome(tx, tenant, failure, domain::to_iso8601(clock_.now()));
    }
    nlohmann::json details = {{"status", std::string(state_name(result.state))}};
    if (!result.reason.empty()) details["reason"] = result.reason;
    if (*settings) details["url"] = (*settings)->url;
    detail::AuditWriter{clock_, random_, actor, ctx}.write(
        tx, tenant, domain::audit_category::kDirectoryManagement,
        domain::audit_activity::kTestOnPremisesConnection, found->name, details);
    return domain::ok_status();
  });
  if (!audited) return audited.error();
  return result;
}

Result<ConfiguredConnectionsApplied> OnPremisesConnections::apply_configured(
    const domain::RequestContext& ctx,
    const std::vector<domain::onprem::ConfiguredConnection>& configured) {
  const auto actor = configuration_file();
  const auto now = domain::to_iso8601(clock_.now());
  return in_transaction<ConfiguredConnectionsApplied>(
      store_, [&](store::StoreTransaction& tx) -> Result<ConfiguredConnectionsApplied> {
        ConfiguredConnectionsApplied applied;
        detail::AuditWriter audit{clock_, random_, actor, ctx};
        std::vector<domain::TenantId> in_file;
        for (const auto& entry : configured) {
          const auto tenant = tx.tenant_of_domain(entry.tenant_domain);
          if (!tenant) {
            applied.unknown.push_back(entry.tenant_domain);
            continue;
          }
          in_file.push_back(*tenant);
          auto settings = entry.settings;
          settings.tenant = *tenant;
          settings.managed_by_config = true;
          settings.updated_at = now;
          const auto before = tx.find_onprem_connection(*tenant);
          if (before && domain::onprem::same_configured_settings(*before, settings)) {
            applied.unchanged.push_back(entry.tenant_domain);
            continue;
          }
          auto found = detail::find_tenant(tx, actor, *tenant);
          if (!found) return found.error();
          tx.save_onprem_connection(settings);
          nlohmann::json details = {{"after", settings_details(settings)}};
          if (before) details["before"] = settings_details(*before);
          audit.write(tx, *tenant, domain::audit_category::kDirectoryManagement,
                      domain::audit_activity::kSetOnPremisesConnection, found->name, details);
          applied.saved.push_back(entry.tenant_domain);
        }
        for (const auto tenant : tx.list_config_managed_onprem_tenants()) {
          if (std::find(in_file.begin(), in_file.end(), tenant) != in_file.end()) continue;
          auto before = tx.find_onprem_connection(tenant);
          auto found = detail::find_tenant(tx, actor, tenant);
          if (!before || !found) continue;
          auto released = *before;
          released.managed_by_config = false;
          released.updated_at = now;
          tx.save_onprem_connection(released);
          audit.write(tx, tenant, domain::audit_category::kDirectoryManagement,
                      domain::audit_activity::kSetOnPremisesConnection, found->name,
                      {{"before", settings_details(*before)},
                       {"after", settings_details(released)},
                       {"released", "no longer in the configuration file"}});
          applied.released.push_back(found->name);
        }
        return applied;
      });
}

}  // namespace sspr::flows::onprem
