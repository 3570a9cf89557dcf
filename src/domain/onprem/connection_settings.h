#pragma once
// A tenant's on-premises directory connection (SPEC §9): where the directory is, how to reach
// it safely, and the service account that writes passwords back. The service account's
// password is never part of the record: `bind_password_file` names a file that the adapter
// reads at use time (a secret is never stored, logged or audited).
//
// validate_connection_settings states what a usable connection is:
//  - url: ldap://HOST[:PORT] or ldaps://HOST[:PORT] (nothing after the port but an optional
//    "/"), HOST a name, an IPv4 address or a bracketed IPv6 address, PORT 1..65535;
//  - passwords only travel encrypted: ldaps://, or ldap:// with starttls (ldaps:// with
//    starttls is refused as contradictory). There is no loopback exception: a test directory
//    gets TLS too;
//  - bind_dn and base_dn non-empty, bind_password_file non-empty;
//  - timeout_seconds in 1..60 (default 10), the bound on every network step;
//  - upn_attribute empty (the flavour's default, attribute_mapping.h) or an LDAP attribute
//    name (a letter, then letters, digits and '-');
//  - disabled_filter empty (the flavour's default, attribute_mapping.h) or one parenthesised
//    LDAP filter (RFC 4515: balanced parentheses, a literal one escaped as \28 / \29), at
//    most 1024 characters, no control characters; the directory checks the rest.
//
// A connection is either set by administrators (CLI, API) or managed by the configuration
// file's [[onprem]] tables (managed_by_config): the file is then its only source, and
// administrators' changes to it are refused with managed_by_config_error.

#include <optional>
#include <string>
#include <string_view>

#include "domain/result.h"
#include "domain/tenant.h"

namespace sspr::domain::onprem {

enum class DirectoryFlavor { kOpenLdap, kActiveDirectory };

std::string_view flavor_name(DirectoryFlavor flavor);  // "openldap", "active_directory"
std::optional<DirectoryFlavor> parse_flavor(std::string_view text);

inline constexpr int kDefaultTimeoutSeconds = 10;
inline constexpr int kMinTimeoutSeconds = 1;
inline constexpr int kMaxTimeoutSeconds = 60;

struct ConnectionSettings {
  TenantId tenant = 0;
  std::string url;
  DirectoryFlavor flavor = DirectoryFlavor::kOpenLdap;
  std::string bind_dn;
  std::string bind_password_file;
  std::string base_dn;
  bool starttls = false;
  std::string ca_file;  // empty: the system's trust store
  int timeout_seconds = kDefaultTimeoutSeconds;
  std::string updated_at;          // ISO 8601, set when saved
  std::string upn_attribute;       // sync: where the UPN comes from; "" = the flavour's default
  std::string disabled_filter;     // sync: users matching it are disabled; "" = the default
  bool managed_by_config = false;  // set from the configuration file, not by administrators
};

// The host of a valid URL ("127.0.0.1", "dc1.contoso.example", "::1").
struct LdapUrl {
  bool ldaps = false;
  std::string host;
  int port = 0;
};
Result<LdapUrl> parse_ldap_url(std::string_view url);

Status validate_connection_settings(const ConnectionSettings& settings);

// The refusal of an administrator's change (set or delete) of a connection the configuration
// file manages (kConflict, "ManagedByConfiguration"); `tenant` names the tenant.
Error managed_by_config_error(const std::string& tenant);

}  // namespace sspr::domain::onprem
