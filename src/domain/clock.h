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

// The time of a string made by to_iso8601 ("YYYY-MM-DDTHH:MM:SS.mmmZ"); nullopt otherwise.
std::optional<std::chrono::system_clock::time_point> from_iso8601(std::string_view text);

}  // namespace sspr::domain
