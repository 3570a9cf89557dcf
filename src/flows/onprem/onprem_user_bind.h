#pragma once
// The port for pass-through sign-in (SPEC §9): whether the on-premises directory accepts a
// synced user's password, asked by a bind as the user's own entry over the tenant's connection
// (the same URL, TLS and CA file as writeback; the service account is not used). The LDAP
// adapter (src/onprem/LdapUserBind) implements it.
//
// CONTRACT: true when the directory accepted the bind, false when it refused the credentials
// (a wrong password, or an account the directory itself has locked or disabled: it does not
// say which); an empty password is false without asking (an LDAP bind with an empty password
// is an unauthenticated bind, which succeeds). Anything else is an error of
// domain/onprem/writeback_errors.h: SSPR_0030 when the directory cannot be reached in time,
// SSPR_0029 for TLS or other misconfiguration. No password in any error text or log line.

#include <string>

#include "domain/onprem/connection_settings.h"
#include "domain/result.h"

namespace sspr::flows::onprem {

class OnPremisesUserBind {
 public:
  virtual ~OnPremisesUserBind() = default;

  virtual domain::Result<bool> accepts(const domain::onprem::ConnectionSettings& settings,
                                       const std::string& dn, const std::string& password) = 0;
};

}  // namespace sspr::flows::onprem
