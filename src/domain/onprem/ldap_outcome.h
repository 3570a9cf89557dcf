#pragma once
// What an LDAP result means for writeback, unlock and the connection test (SPEC §9), as a pure
// function of the step that failed, the result code and the server's diagnostic message.
// Result codes are RFC 4511's (non-negative) and libldap's client-side codes (negative), given
// as numbers so the domain does not depend on libldap:
//   connect failure, server down, timeout, busy, unavailable    → SSPR_0030 (connectivity)
//   constraintViolation (19) while setting a password            → OnPremisesPolicyViolation,
//                                                                  the directory's message
//   everything else (invalidCredentials, insufficientAccess, noSuchObject, TLS failures,
//   protocol and configuration errors)                           → SSPR_0029 (admin action)
// TLS that fails once the directory was reached (a StartTLS the server answered, an ldaps://
// handshake on a port that accepted the connection: kTlsHandshake) is a misconfiguration
// (certificate, CA file, TLS not offered), unless it timed out or the connection dropped.
// The technical line names the step, the result's name and the message; never a password.

#include <string>
#include <string_view>

#include "domain/error.h"

namespace sspr::domain::onprem {

enum class LdapStep {
  kConnect,
  kStartTls,
  kTlsHandshake,  // ldaps:// handshake after the TCP connection succeeded
  kBind,
  kSearchBase,
  kSetPassword,
  kUnlock,
  kUserBind,  // pass-through sign-in: a bind as the user's own entry
  kSearch     // reading entries for the sync
};

namespace ldap_code {
inline constexpr int kSuccess = 0;
inline constexpr int kTimeLimitExceeded = 3;
inline constexpr int kNoSuchAttribute = 16;
inline constexpr int kConstraintViolation = 19;
inline constexpr int kNoSuchObject = 32;
inline constexpr int kInvalidCredentials = 49;
inline constexpr int kInsufficientAccess = 50;
inline constexpr int kBusy = 51;
inline constexpr int kUnavailable = 52;
inline constexpr int kUnwillingToPerform = 53;
inline constexpr int kServerDown = -1;     // LDAP_SERVER_DOWN
inline constexpr int kTimeout = -5;        // LDAP_TIMEOUT
inline constexpr int kConnectError = -11;  // LDAP_CONNECT_ERROR
}  // namespace ldap_code

std::string_view step_name(LdapStep step);

// Whether the code says the directory could not be reached or did not answer in time.
bool is_connectivity_failure(int code);

// The error for a failed step (code != success). `code_name` is the library's text for the
// code (ldap_err2string), `diagnostic` the server's message (may be empty).
Error ldap_failure(LdapStep step, int code, std::string_view code_name,
                   std::string_view diagnostic);

}  // namespace sspr::domain::onprem
