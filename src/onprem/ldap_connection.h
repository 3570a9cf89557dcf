#pragma once
// One libldap connection to an on-premises directory, bound as the service account (RAII: the
// handle is unbound and freed with the object). Every network step is bounded by the
// settings' timeout (LDAP_OPT_NETWORK_TIMEOUT for connecting, LDAP_OPT_TIMEOUT for each
// operation). TLS is always on: ldaps://, or StartTLS on ldap:// (validate_connection_settings
// refuses anything else); the server certificate must verify against `ca_file` (or the
// system's trust store when empty). Failures are mapped by domain/onprem/ldap_outcome.h.
// No password reaches an error text.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "domain/onprem/connection_settings.h"
#include "domain/onprem/directory_entry.h"
#include "domain/onprem/ldap_outcome.h"
#include "domain/result.h"
#include "onprem/handshake_deadline.h"

namespace sspr::onprem {

class LdapConnection {
 public:
  // Connects, starts TLS and binds as settings.bind_dn with `bind_password`.
  static domain::Result<LdapConnection> open(const domain::onprem::ConnectionSettings& settings,
                                             const std::string& bind_password);
  // Connects and starts TLS, without binding (open's first steps).
  static domain::Result<LdapConnection> connect(const domain::onprem::ConnectionSettings& settings);
  // A simple bind as `dn`; the LDAP result code (ldap_code::kSuccess when accepted).
  int simple_bind(const std::string& dn, const std::string& password);
  // The error for a failed step with this result code (domain/onprem/ldap_outcome.h).
  domain::Error failure(domain::onprem::LdapStep step, int code) const;

  // Ok when the entry `dn` exists (a base-scope search).
  domain::Status read_entry(const std::string& dn, domain::onprem::LdapStep step);
  // RFC 3062 Password Modify for `dn` with a new password and no old one (an administrator
  // reset as the bound account).
  domain::Status modify_password(const std::string& dn, const std::string& password);
  // Deletes every value of `attribute`; an attribute that is not there is fine.
  domain::Status delete_attribute(const std::string& dn, const std::string& attribute,
                                  domain::onprem::LdapStep step);
  // A subtree search under `base` in pages of `page_size` (RFC 2696 simple paged results,
  // critical), each page bounded by the timeout; `sink` gets every entry as it is read.
  domain::Status search(const std::string& base, const std::string& filter,
                        const std::vector<std::string>& attributes, int page_size,
                        const std::function<void(domain::onprem::DirectoryEntry&&)>& sink);
  // Replaces `attribute` with the single (possibly binary) value.
  domain::Status replace_attribute(const std::string& dn, const std::string& attribute,
                                   const std::string& value, domain::onprem::LdapStep step);

 private:
  struct Unbind {
    void operator()(ldap* handle) const;
  };
  LdapConnection() = default;

  // Declared before the handle: it must outlive it (libldap calls it until the handle is
  // freed) and keep its address when the connection moves.
  std::unique_ptr<HandshakeDeadline> deadline_ = std::make_unique<HandshakeDeadline>();
  std::unique_ptr<ldap, Unbind> handle_;
  int timeout_seconds_ = domain::onprem::kDefaultTimeoutSeconds;
};

}  // namespace sspr::onprem
