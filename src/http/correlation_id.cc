#include "http/correlation_id.h"

namespace sspr::http {

bool is_valid_correlation_id(std::string_view candidate) {
  if (candidate.empty() || candidate.size() > 64) return false;
  for (const char c : candidate) {
    const bool allowed =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    if (!allowed) return false;
  }
  return true;
}

std::string choose_correlation_id(std::string_view incoming, domain::Random& random,
                                  std::chrono::system_clock::time_point now) {
  if (is_valid_correlation_id(incoming)) return std::string(incoming);
  return random.time_ordered_uuid(now);
}

}  // namespace sspr::http
