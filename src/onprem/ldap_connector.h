#pragma once
// The on-premises connector over LDAP (SPEC §9), for both flavours:
//   openldap          set: RFC 3062 Password Modify as the service account (ppolicy's checks
//                     apply: the service account has `write`, not `manage`, on userPassword),
//                     then unlock; unlock: delete ppolicy's pwdAccountLockedTime.
//   active_directory  set: replace unicodePwd (UTF-16LE, quoted; needs TLS), then unlock;
//                     unlock: lockoutTime = 0.
// Each call opens a fresh connection (ldap_connection.h) with the service account's password
// read from its file at that moment, so a rotated password is picked up without a restart.

#include "flows/onprem/onprem_connector.h"

namespace sspr::onprem {

class LdapConnector final : public flows::onprem::OnPremisesConnector {
 public:
  domain::Status test(const domain::onprem::ConnectionSettings& settings) override;
  domain::Status set_password(const domain::onprem::ConnectionSettings& settings,
                              const std::string& dn, const std::string& password) override;
  domain::Status unlock(const domain::onprem::ConnectionSettings& settings,
                        const std::string& dn) override;
};

}  // namespace sspr::onprem
