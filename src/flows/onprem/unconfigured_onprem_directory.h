#pragma once
// The on-premises directory of a deployment without any on-premises connection: every call is
// SSPR_0029 OnPremisesAdminActionRequired ("no on-premises connection is configured for this
// tenant"), so nothing is ever recorded as written back. The administrator's action is to
// configure the connection (issue 6).

#include "flows/onprem/onprem_directory.h"

namespace sspr::flows::onprem {

class UnconfiguredOnPremisesDirectory final : public OnPremisesDirectory {
 public:
  domain::Status set_password(domain::TenantId tenant, const domain::User& user,
                              const std::string& password) override;
  domain::Status unlock(domain::TenantId tenant, const domain::User& user) override;
};

}  // namespace sspr::flows::onprem
