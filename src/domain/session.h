#pragma once
// A signed-in session of the self-service pages (sign-in, registration, password change).
// The browser holds a 256-bit random token; the store keeps only its keyed digest as `id`,
// so a copy of the database cannot be replayed as a cookie.
//
// Expiry: a session ends `idle` after it was last used or `absolute` after it began,
// whichever comes first; both limits come from configuration ([session]).

#include <chrono>
#include <string>

#include "domain/tenant.h"
#include "domain/user.h"

namespace sspr::domain {

struct Session {
  std::string id;  // keyed digest of the token
  UserId user_id = 0;
  TenantId tenant_id = 0;
  std::string created_at;           // ISO 8601 UTC
  std::string last_seen_at;         // ISO 8601 UTC
  std::string idle_expires_at;      // last_seen_at + idle limit
  std::string absolute_expires_at;  // created_at + absolute limit
  bool must_register = false;       // "register when signing in": send to registration first
};

struct SessionLimits {
  std::chrono::minutes idle{30};
  std::chrono::hours absolute{12};
};

// When a session last seen at `last_seen` that began at `created` stops being valid.
std::chrono::system_clock::time_point session_idle_expiry(
    std::chrono::system_clock::time_point last_seen, const SessionLimits& limits);
std::chrono::system_clock::time_point session_absolute_expiry(
    std::chrono::system_clock::time_point created, const SessionLimits& limits);

// Whether `session` is still valid at `now_iso` (ISO 8601 strings of one format compare in
// time order). Expired at exactly its expiry instant.
bool session_valid_at(const Session& session, const std::string& now_iso);

}  // namespace sspr::domain
