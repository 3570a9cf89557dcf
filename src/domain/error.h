#pragma once
// The error catalogue: every error a user or an administrator can see has a stable code
// (SSPR_00xx for the reference product's numbered errors, otherwise its name), a kind that
// decides the HTTP status and CLI exit code, a message key into the locale catalogues,
// and a technical line. The technical line never carries a secret.

#include <string>

namespace sspr::domain {

enum class ErrorKind {
  kBadInput,         // HTTP 400, exit 2
  kNotFound,         // HTTP 404, exit 2
  kConflict,         // HTTP 409, exit 2
  kTooLarge,         // HTTP 413, exit 2
  kUnauthenticated,  // HTTP 401, exit 2
  kForbidden,        // HTTP 403, exit 1
  kRejected,         // HTTP 422 (or the flow's own status), exit 1
  kThrottled,        // HTTP 429, exit 1
  kUnavailable,      // HTTP 503, exit 1
  kInternal,         // HTTP 500, exit 1
};

struct Error {
  ErrorKind kind = ErrorKind::kInternal;
  std::string code;         // "SSPR_0012" or, without a number, the name
  std::string name;         // "UserNotLicensed", "InvalidUserPrincipalName", ...
  std::string message_key;  // key in locales/*.json, e.g. "error.UserNotLicensed"
  std::string technical;    // one line for administrators: what exactly was wrong
};

namespace errors {

// Bad input: a field is missing, malformed or out of range. `field` names it.
Error invalid_input(const std::string& field, const std::string& detail);
Error invalid_upn(const std::string& detail);
Error malformed_json(const std::string& detail);
Error body_too_large(std::size_t limit_bytes);
Error not_found(const std::string& what, const std::string& key);
Error unknown_tenant(const std::string& domain);
Error unknown_sku(const std::string& sku);
Error unknown_role(const std::string& role);
Error already_exists(const std::string& what, const std::string& key);
Error unauthenticated(const std::string& detail);
Error forbidden(const std::string& detail);
Error no_seats(const std::string& sku, int seats);
Error store_unavailable(const std::string& detail);
// A message (email, SMS, voice call) could not be delivered. `permanent`: the transport
// refused it for good (SMTP 5xx, HTTP 4xx), so retrying is pointless (kind kRejected);
// otherwise it may succeed later (kind kUnavailable). `detail` names the channel and the
// masked recipient and never contains the message's subject or body.
Error notification_failed(const std::string& detail, bool permanent);
Error internal(const std::string& detail);
// A stored secret is sealed under a key the server's key ring lacks (or cannot be opened at
// all): the operator must restore the key (docs/OPERATIONS.md, "Rotating the secret key").
// `detail` names key ids and counts, never content.
Error secret_key_unavailable(const std::string& detail);

// Self-service sign-in (flows/signed_in_sessions.h). InvalidCredentials is the one answer for
// an unknown user, a wrong password and a disabled account, so it tells nothing apart.
Error invalid_credentials();
Error sign_in_locked(long long seconds_left);
// A synced user's password lives on premises, and no directory connection is configured yet.
Error directory_not_connected(const std::string& detail);

}  // namespace errors
}  // namespace sspr::domain
