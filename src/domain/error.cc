#include "domain/error.h"

namespace sspr::domain::errors {
namespace {

Error make(ErrorKind kind, const std::string& name, std::string technical) {
  return Error{kind, name, name, "error." + name, std::move(technical)};
}

}  // namespace

Error invalid_input(const std::string& field, const std::string& detail) {
  return make(ErrorKind::kBadInput, "InvalidInput", field + ": " + detail);
}

Error invalid_upn(const std::string& detail) {
  return make(ErrorKind::kBadInput, "InvalidUserPrincipalName", detail);
}

Error malformed_json(const std::string& detail) {
  return make(ErrorKind::kBadInput, "MalformedRequest",
              "request body is not valid JSON: " + detail);
}

Error body_too_large(std::size_t limit_bytes) {
  return make(ErrorKind::kTooLarge, "RequestTooLarge",
              "request body exceeds " + std::to_string(limit_bytes) + " bytes");
}

Error not_found(const std::string& what, const std::string& key) {
  return make(ErrorKind::kNotFound, "NotFound", what + " '" + key + "' does not exist");
}

Error unknown_tenant(const std::string& domain) {
  return make(ErrorKind::kNotFound, "UnknownTenant", "no tenant has the domain '" + domain + "'");
}

Error unknown_sku(const std::string& sku) {
  return make(
      ErrorKind::kBadInput, "UnknownSku",
      "'" + sku + "' is not a licence SKU (FREE O365_PAID BASIC PREMIUM_P1 PREMIUM_P2 EMS SPE)");
}

Error unknown_role(const std::string& role) {
  return make(ErrorKind::kBadInput, "UnknownRole",
              "'" + role + "' is not an administrator role (see `sspr role list`)");
}

Error already_exists(const std::string& what, const std::string& key) {
  return make(ErrorKind::kConflict, "AlreadyExists", what + " '" + key + "' already exists");
}

Error unauthenticated(const std::string& detail) {
  return make(ErrorKind::kUnauthenticated, "Unauthenticated", detail);
}

Error forbidden(const std::string& detail) {
  return make(ErrorKind::kForbidden, "Forbidden", detail);
}

Error no_seats(const std::string& sku, int seats) {
  return make(ErrorKind::kRejected, "LicenseSeatsExhausted",
              "all " + std::to_string(seats) + " seats of " + sku + " are assigned");
}

Error store_unavailable(const std::string& detail) {
  return make(ErrorKind::kUnavailable, "StoreUnavailable", detail);
}

Error notification_failed(const std::string& detail, bool permanent) {
  return make(permanent ? ErrorKind::kRejected : ErrorKind::kUnavailable, "NotificationFailed",
              detail);
}

Error internal(const std::string& detail) {
  return make(ErrorKind::kInternal, "InternalError", detail);
}

Error secret_key_unavailable(const std::string& detail) {
  return make(ErrorKind::kUnavailable, "SecretKeyUnavailable", detail);
}

Error invalid_credentials() {
  return make(ErrorKind::kUnauthenticated, "InvalidCredentials",
              "unknown user, wrong password or disabled account");
}

Error sign_in_locked(long long seconds_left) {
  return make(ErrorKind::kThrottled, "SignInLocked",
              "too many wrong passwords; sign-in is locked for " + std::to_string(seconds_left) +
                  " more seconds");
}

Error directory_not_connected(const std::string& detail) {
  return make(ErrorKind::kRejected, "OnPremisesDirectoryNotConnected", detail);
}

}  // namespace sspr::domain::errors
