#pragma once
// The on-premises directory of the reset flow for every tenant: each call looks up the user's
// tenant's connection in the store (so a connection set on any node is used by the next call)
// and asks the connector with it; a tenant without a connection gets the answer of
// UnconfiguredOnPremisesDirectory (SSPR_0029). The user's entry is their `onprem_id` (DN); a
// synced user without one is SSPR_0029 too.

#include <optional>

#include "flows/onprem/onprem_connector.h"
#include "flows/onprem/onprem_directory.h"
#include "flows/onprem/unconfigured_onprem_directory.h"
#include "store/store.h"

namespace sspr::flows::onprem {

class TenantOnPremisesDirectory final : public OnPremisesDirectory {
 public:
  TenantOnPremisesDirectory(store::Store& store, OnPremisesConnector& connector)
      : store_(store), connector_(connector) {}

  domain::Status set_password(domain::TenantId tenant, const domain::User& user,
                              const std::string& password) override;
  domain::Status unlock(domain::TenantId tenant, const domain::User& user) override;

 private:
  // The tenant's connection, nullopt when it has none; an error when the store fails.
  domain::Result<std::optional<domain::onprem::ConnectionSettings>> connection(
      domain::TenantId tenant);

  store::Store& store_;
  OnPremisesConnector& connector_;
  UnconfiguredOnPremisesDirectory unconfigured_;
};

}  // namespace sspr::flows::onprem
