#pragma once
// The time port. Rules and flows read time only through a Clock so tests can fix it.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace sspr::domain {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::chrono::system_clock::time_point now() const = 0;
};

// "2026-11-23T14:05:09.123Z"
std::string to_iso8601(std::chrono::system_clock::time_point time);

// The inverse of to_iso8601 ("YYYY-MM-DDTHH:MM:SS[.fff]Z", UTC only); nullopt otherwise, and
// for years outside 1970–2261 (the system clock counts nanoseconds in 64 bits and cannot hold
// later times: they would wrap to the past).
std::optional<std::chrono::system_clock::time_point> parse_iso8601(std::string_view text);

}  // namespace sspr::domain
