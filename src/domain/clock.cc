#include "domain/clock.h"

#include <cstdio>
#include <ctime>

namespace sspr::domain {

std::string to_iso8601(std::chrono::system_clock::time_point time) {
  using namespace std::chrono;
  const auto ms = duration_cast<milliseconds>(time.time_since_epoch()).count();
  std::time_t seconds = static_cast<std::time_t>(ms / 1000);
  if (ms < 0 && ms % 1000 != 0) --seconds;
  const long millis = static_cast<long>(((ms % 1000) + 1000) % 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03ldZ", utc.tm_year + 1900,
                utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, millis);
  return buffer;
}

std::optional<std::chrono::system_clock::time_point> from_iso8601(std::string_view text) {
  using namespace std::chrono;
  int year = 0;
  unsigned month = 0, day = 0, hour = 0, minute = 0, second = 0, millis = 0;
  char tail = 0;
  const std::string copy(text);
  if (text.size() != 24 ||
      std::sscanf(copy.c_str(), "%4d-%2u-%2uT%2u:%2u:%2u.%3u%c", &year, &month, &day, &hour,
                  &minute, &second, &millis, &tail) != 8 ||
      tail != 'Z') {
    return std::nullopt;
  }
  const year_month_day date{std::chrono::year{year}, std::chrono::month{month},
                            std::chrono::day{day}};
  if (!date.ok() || hour > 23 || minute > 59 || second > 60) return std::nullopt;
  return system_clock::time_point{sys_days{date}.time_since_epoch() + hours{hour} +
                                  minutes{minute} + seconds{second} + milliseconds{millis}};
}

}  // namespace sspr::domain
