#pragma once
// The on-premises directory of the reset flow for every tenant: each call looks up the user's
// tenant's connection in the store (so a connection set on any node is used by the next call)
// and asks the connector with it; a tenant without a connection gets the answer of
// UnconfiguredOnPremisesDirectory (SSPR_0029). The user's entry is their `onprem_id` (DN); a
// synced user without one is SSPR_0029 too.

#include <optional>

#include "domain/clock.h"
#include "flows/onprem/onprem_connector.h"
#include "flows/onprem/onprem_directory.h"
#include "flows/onprem/unconfigured_onprem_directory.h"
#include "store/store.h"

namespace sspr::flows::onprem {

class TenantOnPremisesDirectory final : public OnPremisesDirectory {
 public:
  // `clock` dates the connection status each outcome records (connection_status_record.h).
  TenantOnPremisesDirectory(store::Store& store, OnPremisesConnector& connector,
                            const domain::Clock& clock)
      : store_(store), connector_(connector), clock_(clock) {}

  domain::Status set_password(domain::TenantId tenant, const domain::User& user,
                              const std::string& password) override;
  domain::Status unlock(domain::TenantId tenant, const domain::User& user) override;

 private:
  // The tenant's connection, nullopt when it has none; an error when the store fails.
  domain::Result<std::optional<domain::onprem::ConnectionSettings>> connection(
      domain::TenantId tenant);

  store::Store& store_;
  OnPremisesConnector& connector_;
  const domain::Clock& clock_;
  // Records what the directory's answer says of the connection; a failure to record is
  // ignored (the user's outcome does not depend on it).
  domain::Status recorded(domain::TenantId tenant, domain::Status outcome);
  UnconfiguredOnPremisesDirectory unconfigured_;
};

}  // namespace sspr::flows::onprem
