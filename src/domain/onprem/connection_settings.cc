#include "domain/onprem/connection_settings.h"

#include <algorithm>
#include <cctype>

#include <charconv>

namespace sspr::domain::onprem {

std::string_view flavor_name(DirectoryFlavor flavor) {
  return flavor == DirectoryFlavor::kActiveDirectory ? "active_directory" : "openldap";
}

std::optional<DirectoryFlavor> parse_flavor(std::string_view text) {
  if (text == "openldap") return DirectoryFlavor::kOpenLdap;
  if (text == "active_directory") return DirectoryFlavor::kActiveDirectory;
  return std::nullopt;
}

namespace {

bool host_character(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_';
}

Error bad_url(const std::string& reason) { return errors::invalid_input("url", reason); }

constexpr std::size_t kMaxFilterLength = 1024;

// One parenthesised filter: the checks that need no LDAP library (see the header).
Status validate_filter(const std::string& filter) {
  if (filter.empty()) return ok_status();
  auto bad = [](const std::string& why) { return errors::invalid_input("disabled_filter", why); };
  if (filter.size() > kMaxFilterLength) return bad("at most 1024 characters");
  if (filter.front() != '(' || filter.back() != ')') {
    return bad("must be one LDAP filter in parentheses, e.g. (employeeStatus=left)");
  }
  int depth = 0;
  for (std::size_t i = 0; i < filter.size(); ++i) {
    const auto c = static_cast<unsigned char>(filter[i]);
    if (c < 0x20 || c == 0x7f) return bad("control characters are not allowed");
    if (c == '(') ++depth;
    if (c == ')') --depth;
    if (depth < 0 || (depth == 0 && i + 1 < filter.size())) {
      return bad("unbalanced parentheses (write a literal one as \\28 or \\29)");
    }
  }
  if (depth != 0) return bad("unbalanced parentheses (write a literal one as \\28 or \\29)");
  return ok_status();
}

}  // namespace

Result<LdapUrl> parse_ldap_url(std::string_view url) {
  LdapUrl out;
  std::string_view rest;
  if (url.starts_with("ldaps://")) {
    out.ldaps = true;
    rest = url.substr(8);
    out.port = 636;
  } else if (url.starts_with("ldap://")) {
    rest = url.substr(7);
    out.port = 389;
  } else {
    return bad_url("must start with ldap:// or ldaps://");
  }
  if (rest.ends_with('/')) rest.remove_suffix(1);
  std::string_view host = rest;
  std::string_view port;
  if (rest.starts_with('[')) {
    const auto close = rest.find(']');
    if (close == std::string_view::npos) return bad_url("unterminated [IPv6] host");
    host = rest.substr(1, close - 1);
    const auto after = rest.substr(close + 1);
    if (!after.empty()) {
      if (after[0] != ':') return bad_url("unexpected text after the host");
      port = after.substr(1);
    }
    for (char c : host) {
      const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!hex && c != ':' && c != '.') return bad_url("invalid IPv6 host");
    }
  } else {
    const auto colon = rest.find(':');
    if (colon != std::string_view::npos) {
      host = rest.substr(0, colon);
      port = rest.substr(colon + 1);
    }
    for (char c : host) {
      if (!host_character(c)) return bad_url("invalid character in the host (no path or query)");
    }
  }
  if (host.empty()) return bad_url("no host");
  if (!port.empty() || rest.ends_with(':')) {
    int value = 0;
    const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (port.empty() || ec != std::errc{} || end != port.data() + port.size() || value < 1 ||
        value > 65535) {
      return bad_url("port must be a number from 1 to 65535");
    }
    out.port = value;
  }
  out.host = std::string(host);
  return out;
}

Status validate_connection_settings(const ConnectionSettings& settings) {
  auto url = parse_ldap_url(settings.url);
  if (!url) return url.error();
  if (url->ldaps && settings.starttls) {
    return errors::invalid_input("starttls", "ldaps:// is already TLS; drop --starttls");
  }
  if (!url->ldaps && !settings.starttls) {
    return errors::invalid_input(
        "url", "passwords are only written over TLS: use ldaps:// or ldap:// with --starttls");
  }
  if (settings.bind_dn.empty()) return errors::invalid_input("bind_dn", "must not be empty");
  if (settings.base_dn.empty()) return errors::invalid_input("base_dn", "must not be empty");
  if (settings.bind_password_file.empty()) {
    return errors::invalid_input("bind_password_file", "must not be empty");
  }
  if (settings.timeout_seconds < kMinTimeoutSeconds ||
      settings.timeout_seconds > kMaxTimeoutSeconds) {
    return errors::invalid_input("timeout_seconds", "must be from 1 to 60 seconds");
  }
  const auto& name = settings.upn_attribute;
  const bool name_ok = name.empty() || (std::isalpha(static_cast<unsigned char>(name.front())) &&
                                        name.size() <= 64 &&
                                        std::all_of(name.begin(), name.end(), [](unsigned char c) {
                                          return std::isalnum(c) || c == '-';
                                        }));
  if (!name_ok) {
    return errors::invalid_input("upn_attribute", "must be an LDAP attribute name, e.g. mail");
  }
  return validate_filter(settings.disabled_filter);
}

Error managed_by_config_error(const std::string& tenant) {
  const std::string name = "ManagedByConfiguration";
  return Error{ErrorKind::kConflict, name, name, "error." + name,
               "the on-premises connection of " + tenant +
                   " is managed by the configuration file ([[onprem]]): change it there and "
                   "reload the server (SIGHUP)"};
}

}  // namespace sspr::domain::onprem
