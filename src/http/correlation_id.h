#pragma once
// Correlation ids tie together the log lines and audit records of one request (and, when a
// client sends one, of the client's own logs).

#include <chrono>
#include <string>
#include <string_view>

#include "domain/random.h"

namespace sspr::http {

// A client-supplied id is taken when it is 1-64 characters of [A-Za-z0-9-] (UUID-like), so
// it is safe in logs and headers.
bool is_valid_correlation_id(std::string_view candidate);

// The incoming X-Correlation-Id when valid, otherwise a fresh time-ordered UUID (made at
// `now`): a flow's audit records are found by it, and ids of the flows under way then sit at
// the end of that index, so their records touch few of its pages (docs/PERFORMANCE.md).
std::string choose_correlation_id(std::string_view incoming, domain::Random& random,
                                  std::chrono::system_clock::time_point now);

}  // namespace sspr::http
