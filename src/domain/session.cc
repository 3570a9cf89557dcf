#include "domain/session.h"

namespace sspr::domain {

std::chrono::system_clock::time_point session_idle_expiry(
    std::chrono::system_clock::time_point last_seen, const SessionLimits& limits) {
  return last_seen + limits.idle;
}

std::chrono::system_clock::time_point session_absolute_expiry(
    std::chrono::system_clock::time_point created, const SessionLimits& limits) {
  return created + limits.absolute;
}

bool session_valid_at(const Session& session, const std::string& now_iso) {
  return now_iso < session.idle_expires_at && now_iso < session.absolute_expires_at;
}

}  // namespace sspr::domain
