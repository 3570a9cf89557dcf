#include "onprem/ldap_connector.h"

#include "domain/onprem/writeback_errors.h"
#include "onprem/active_directory_password.h"
#include "onprem/bind_password_file.h"
#include "onprem/ldap_connection.h"
#include "platform/fiber.h"

namespace sspr::onprem {

using domain::onprem::ConnectionSettings;
using domain::onprem::DirectoryFlavor;
using domain::onprem::LdapStep;

namespace {

domain::Result<LdapConnection> connect(const ConnectionSettings& settings) {
  auto password = read_bind_password(settings.bind_password_file);
  if (!password) return password.error();
  return LdapConnection::open(settings, *password);
}

domain::Status clear_lockout(LdapConnection& connection, const ConnectionSettings& settings,
                             const std::string& dn) {
  if (settings.flavor == DirectoryFlavor::kActiveDirectory) {
    return connection.replace_attribute(dn, "lockoutTime", "0", LdapStep::kUnlock);
  }
  return connection.delete_attribute(dn, "pwdAccountLockedTime", LdapStep::kUnlock);
}

}  // namespace

domain::Status LdapConnector::test(const ConnectionSettings& settings) {
  // Blocks on the network: a fiber waits for it parked (platform/fiber.h).
  return platform::fibers::offload([&]() -> domain::Status {
    auto connection = connect(settings);
    if (!connection) return connection.error();
    return connection->read_entry(settings.base_dn, LdapStep::kSearchBase);
  });
}

domain::Status LdapConnector::set_password(const ConnectionSettings& settings,
                                           const std::string& dn, const std::string& password) {
  // Blocks on the network: a fiber waits for it parked (platform/fiber.h).
  return platform::fibers::offload([&]() -> domain::Status {
    auto connection = connect(settings);
    if (!connection) return connection.error();
    domain::Status written = domain::ok_status();
    if (settings.flavor == DirectoryFlavor::kActiveDirectory) {
      const auto value = unicode_pwd_value(password);
      if (!value) return domain::onprem::policy_violation("the password is not valid UTF-8");
      written = connection->replace_attribute(dn, "unicodePwd", *value, LdapStep::kSetPassword);
    } else {
      written = connection->modify_password(dn, password);
    }
    if (!written) return written;
    // A reset unlocks (SPEC §5.5). The password is already set: a refused unlock is reported so
    // the administrator fixes the account's rights, and says that the password did change.
    auto unlocked = clear_lockout(*connection, settings, dn);
    if (!unlocked) {
      auto error = unlocked.error();
      error.technical += " (the password was set; the account is still locked)";
      return error;
    }
    return domain::ok_status();
  });
}

domain::Status LdapConnector::unlock(const ConnectionSettings& settings, const std::string& dn) {
  // Blocks on the network: a fiber waits for it parked (platform/fiber.h).
  return platform::fibers::offload([&]() -> domain::Status {
    auto connection = connect(settings);
    if (!connection) return connection.error();
    return clear_lockout(*connection, settings, dn);
  });
}

}  // namespace sspr::onprem
