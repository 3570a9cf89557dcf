#pragma once
// The administrators' use cases for a tenant's on-premises directory connection (SPEC §9):
// set (validated, audited "Set on-premises connection" in the Directory management category),
// show, and test (connect, TLS, service-account bind, base DN; audited "Test on-premises
// connection" with the outcome). Setting and testing need kManagePolicy, showing
// kReadDirectory. The audit records the settings (URL, flavour, DNs, file path, TLS, timeout),
// never the service account's password, which only the connector reads from its file.
//
// A connection the configuration file manages ([[onprem]], applied by apply_configured at
// `serve` start, on SIGHUP and by `sspr onprem ...` given --config) is refused to set and
// remove (ManagedByConfiguration, 409): the file is its one source.

#include <optional>
#include <string>
#include <vector>

#include "domain/actor.h"
#include "domain/clock.h"
#include "domain/onprem/configured_connection.h"
#include "domain/onprem/connection_settings.h"
#include "domain/random.h"
#include "domain/result.h"
#include "flows/onprem/onprem_connector.h"
#include "store/store.h"

namespace sspr::flows::onprem {

// The outcome of a connection test as the console and `sspr onprem test` show it.
struct ConnectionTestResult {
  enum class State { kUp, kMisconfigured, kUnreachable };
  State state = State::kUp;
  std::string reason;  // empty when up; the technical line otherwise
};

std::string_view state_name(ConnectionTestResult::State state);  // "up", "misconfigured", ...

// What applying the configuration file's connections did, by tenant domain.
struct ConfiguredConnectionsApplied {
  std::vector<std::string> saved;      // new or changed: saved, managed by the file
  std::vector<std::string> unchanged;  // already as the file says: nothing written
  std::vector<std::string> released;   // managed before, no longer in the file: kept, and
                                       // administrators may change them again
  std::vector<std::string> unknown;    // no tenant has that domain: skipped
};

class OnPremisesConnections {
 public:
  OnPremisesConnections(store::Store& store, const domain::Clock& clock, domain::Random& random,
                        OnPremisesConnector& connector)
      : store_(store), clock_(clock), random_(random), connector_(connector) {}

  // Creates or replaces the tenant's connection (settings.tenant); returns it as saved.
  domain::Result<domain::onprem::ConnectionSettings> set(
      const domain::Actor& actor, const domain::RequestContext& ctx,
      domain::onprem::ConnectionSettings settings);
  // The tenant's connection, nullopt when it has none.
  domain::Result<std::optional<domain::onprem::ConnectionSettings>> show(const domain::Actor& actor,
                                                                         domain::TenantId tenant);
  // Removes the tenant's connection with its sync state and status (synced users stay, and
  // their writeback then fails with SSPR_0029 until a connection is set again); audited
  // "Delete on-premises connection". NotFound when there was none. Needs kManagePolicy.
  domain::Status remove(const domain::Actor& actor, const domain::RequestContext& ctx,
                        domain::TenantId tenant);
  // The connection's last observed status (test, sync, writeback); nullopt when never seen.
  domain::Result<std::optional<domain::onprem::ConnectionStatus>> status(const domain::Actor& actor,
                                                                         domain::TenantId tenant);
  // Tests the tenant's connection now (and records the status); a tenant without one is
  // "misconfigured".
  domain::Result<ConnectionTestResult> test(const domain::Actor& actor,
                                            const domain::RequestContext& ctx,
                                            domain::TenantId tenant);
  // Makes the stored connections what the configuration file says (settings validated when
  // the file was loaded): each configured one saved as managed by the file, unless it already
  // is exactly that; each one managed before and now absent released. One transaction;
  // audited "Set on-premises connection" per change with the actor "configuration file".
  // A tenant whose connection an administrator set is taken over by the file.
  domain::Result<ConfiguredConnectionsApplied> apply_configured(
      const domain::RequestContext& ctx,
      const std::vector<domain::onprem::ConfiguredConnection>& configured);

 private:
  store::Store& store_;
  const domain::Clock& clock_;
  domain::Random& random_;
  OnPremisesConnector& connector_;
};

}  // namespace sspr::flows::onprem
