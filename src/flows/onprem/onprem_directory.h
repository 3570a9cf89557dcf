#pragma once
// The on-premises directory port (SPEC §9): what the self-service flows ask of the
// organisation's own directory for a synced user. Issue 6 implements it over LDAP (Active
// Directory and OpenLDAP flavours); until a tenant has a connection, every call is answered by
// UnconfiguredOnPremisesDirectory.
//
// CONTRACT for implementations:
//  - set_password sets `password` as an administrator-style reset with the service account, so
//    the directory's own password policy applies, and clears the account's lockout (a reset
//    unlocks, SPEC §5.5). unlock only clears the lockout.
//  - Errors are those of domain/onprem/writeback_errors.h: SSPR_0029
//    OnPremisesAdminActionRequired (misconfiguration, credentials, access rights, no such
//    object, no connection), SSPR_0030 OnPremisesConnectivityError (connect failure or timeout,
//    bounded), OnPremisesPolicyViolation (the directory's policy rejected the password).
//  - Ok means the directory accepted the change; nothing is recorded as done otherwise.
//  - No password in any log line or error text. Calls may block (network) and may run on
//    several threads at once; callers never hold a store transaction open across them.

#include <string>

#include "domain/result.h"
#include "domain/tenant.h"
#include "domain/user.h"

namespace sspr::flows::onprem {

class OnPremisesDirectory {
 public:
  virtual ~OnPremisesDirectory() = default;

  virtual domain::Status set_password(domain::TenantId tenant, const domain::User& user,
                                      const std::string& password) = 0;
  virtual domain::Status unlock(domain::TenantId tenant, const domain::User& user) = 0;
};

}  // namespace sspr::flows::onprem
