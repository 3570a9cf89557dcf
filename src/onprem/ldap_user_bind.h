#pragma once
// Pass-through sign-in over LDAP (flows/onprem/onprem_user_bind.h): a simple bind as the
// user's DN with the typed password, on a fresh connection with the tenant's URL, TLS settings,
// CA file and timeout (ldap_connection.h), for both flavours.

#include "flows/onprem/onprem_user_bind.h"

namespace sspr::onprem {

class LdapUserBind final : public flows::onprem::OnPremisesUserBind {
 public:
  domain::Result<bool> accepts(const domain::onprem::ConnectionSettings& settings,
                               const std::string& dn, const std::string& password) override;
};

}  // namespace sspr::onprem
