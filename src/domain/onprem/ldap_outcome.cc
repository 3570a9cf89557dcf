#include "domain/onprem/ldap_outcome.h"

#include "domain/onprem/writeback_errors.h"

namespace sspr::domain::onprem {

std::string_view step_name(LdapStep step) {
  switch (step) {
    case LdapStep::kConnect:
      return "connect";
    case LdapStep::kStartTls:
      return "StartTLS";
    case LdapStep::kTlsHandshake:
      return "TLS handshake";
    case LdapStep::kBind:
      return "service account bind";
    case LdapStep::kSearchBase:
      return "base DN lookup";
    case LdapStep::kSetPassword:
      return "password set";
    case LdapStep::kUnlock:
      return "unlock";
    case LdapStep::kUserBind:
      return "user bind";
    case LdapStep::kSearch:
      return "directory search";
  }
  return "LDAP";
}

bool is_connectivity_failure(int code) {
  switch (code) {
    case ldap_code::kServerDown:
    case ldap_code::kTimeout:
    case ldap_code::kConnectError:
    case ldap_code::kTimeLimitExceeded:
    case ldap_code::kBusy:
    case ldap_code::kUnavailable:
      return true;
    default:
      return false;
  }
}

namespace {

// "StartTLS failed: Connect error (-11): TLS: hostname does not match CN in peer certificate"
std::string technical(LdapStep step, int code, std::string_view code_name,
                      std::string_view diagnostic) {
  std::string text = std::string(step_name(step)) + " failed: " + std::string(code_name) + " (" +
                     std::to_string(code) + ")";
  if (!diagnostic.empty()) text += ": " + std::string(diagnostic);
  return text;
}

bool mentions_tls(std::string_view diagnostic) {
  for (std::string_view word : {"TLS", "SSL", "certificate", "handshake"}) {
    if (diagnostic.find(word) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

Error ldap_failure(LdapStep step, int code, std::string_view code_name,
                   std::string_view diagnostic) {
  const auto text = technical(step, code, code_name, diagnostic);
  if (step == LdapStep::kSetPassword && code == ldap_code::kConstraintViolation) {
    return policy_violation(diagnostic.empty() ? text : std::string(diagnostic));
  }
  if (step == LdapStep::kStartTls || step == LdapStep::kTlsHandshake) {
    // The directory was reached: only silence or a dropped connection is an outage.
    const bool outage = code == ldap_code::kTimeout ||
                        (step == LdapStep::kStartTls && code == ldap_code::kServerDown);
    return outage ? connectivity_error(text) : admin_action_required(text);
  }
  if (is_connectivity_failure(code)) {
    // A message about TLS or certificates is a refused certificate, the administrator's to fix.
    if (code == ldap_code::kTimeout || !mentions_tls(diagnostic)) return connectivity_error(text);
  }
  return admin_action_required(text);
}

}  // namespace sspr::domain::onprem
