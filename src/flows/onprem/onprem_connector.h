#pragma once
// The port to an on-premises directory given its connection settings (SPEC §9): the LDAP
// adapter (src/onprem/LdapConnector) implements it for the OpenLDAP and Active Directory
// flavours. Each call opens its own connection (TLS, service-account bind) bounded by the
// settings' timeout, and reads the service account's password from its file at that moment.
//
// CONTRACT: errors are those of domain/onprem/writeback_errors.h (SSPR_0029, SSPR_0030,
// OnPremisesPolicyViolation), mapped by domain/onprem/ldap_outcome.h; no password appears in
// any error text or log line; calls may run on several threads at once.

#include <string>

#include "domain/onprem/connection_settings.h"
#include "domain/result.h"

namespace sspr::flows::onprem {

class OnPremisesConnector {
 public:
  virtual ~OnPremisesConnector() = default;

  // Connects, binds as the service account and reads the base DN: ok when all three work.
  virtual domain::Status test(const domain::onprem::ConnectionSettings& settings) = 0;
  // An administrator-style reset of the entry `dn` (the directory's policy applies), then
  // clears its lockout.
  virtual domain::Status set_password(const domain::onprem::ConnectionSettings& settings,
                                      const std::string& dn, const std::string& password) = 0;
  // Clears the lockout of the entry `dn` only; no error when it was not locked.
  virtual domain::Status unlock(const domain::onprem::ConnectionSettings& settings,
                                const std::string& dn) = 0;
};

}  // namespace sspr::flows::onprem
