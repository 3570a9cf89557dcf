#include "onprem/ldap_user_bind.h"

#include "onprem/ldap_connection.h"
#include "platform/fiber.h"

namespace sspr::onprem {

using domain::onprem::LdapStep;
namespace ldap_code = domain::onprem::ldap_code;

domain::Result<bool> LdapUserBind::accepts(const domain::onprem::ConnectionSettings& settings,
                                           const std::string& dn, const std::string& password) {
  // Blocks on the network: a fiber waits for it parked (platform/fiber.h).
  return platform::fibers::offload([&]() -> domain::Result<bool> {
    // RFC 4513 5.1.2: a simple bind with a DN and an empty password is an unauthenticated bind,
    // which a directory may accept; it proves nothing.
    if (password.empty() || dn.empty()) return false;
    auto connection = LdapConnection::connect(settings);
    if (!connection) return connection.error();
    const int rc = connection->simple_bind(dn, password);
    if (rc == ldap_code::kSuccess) return true;
    // Wrong password, or an account the directory has locked or disabled (AD says which only in
    // its diagnostic text; either way the directory refused this user's sign-in).
    if (rc == ldap_code::kInvalidCredentials) return false;
    return connection->failure(LdapStep::kUserBind, rc);
  });
}

}  // namespace sspr::onprem
