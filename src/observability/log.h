#pragma once
// Structured logs: one JSON object per line on stderr, e.g.
//   {"time":"2026-11-23T14:05:09.123Z","level":"info","msg":"request","method":"GET",...}
// Everything in OpenSSPR logs through here.
//
// CONTRACT: callers never hand a secret to these functions - no password, token, security
// answer, verification code, database URL with credentials or full phone number, in the
// message or in any field. Log identifiers (correlation id, support code, UPN) instead.
//
// Cost: a call below the configured level returns after one atomic load; guard expensive
// field construction with enabled(). Lines are written synchronously, so nothing is lost
// when the process exits.

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace sspr::log {

enum class Level { kTrace, kDebug, kInfo, kWarn, kError };

// "trace" "debug" "info" "warn" "error"; anything else means info.
Level parse_level(std::string_view text);
std::string_view to_string(Level level);

// The minimum level written (default info).
void set_level(Level level);
bool enabled(Level level);

// Writes one line when `level` is enabled. `fields` is a JSON object (or null) whose members
// follow time, level and msg; members named time, level or msg are dropped.
void event(Level level, std::string_view message, const nlohmann::json& fields = nullptr);

inline void info(std::string_view message, const nlohmann::json& fields = nullptr) {
  event(Level::kInfo, message, fields);
}
inline void warn(std::string_view message, const nlohmann::json& fields = nullptr) {
  event(Level::kWarn, message, fields);
}
inline void error(std::string_view message, const nlohmann::json& fields = nullptr) {
  event(Level::kError, message, fields);
}

}  // namespace sspr::log
