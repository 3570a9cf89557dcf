#pragma once
// Correlation ids tie together the log lines and audit records of one request (and, when a
// client sends one, of the client's own logs).

#include <string>
#include <string_view>

#include "domain/random.h"

namespace sspr::http {

// A client-supplied id is taken when it is 1-64 characters of [A-Za-z0-9-] (UUID-like), so
// it is safe in logs and headers.
bool is_valid_correlation_id(std::string_view candidate);

// The incoming X-Correlation-Id when valid, otherwise a fresh UUID.
std::string choose_correlation_id(std::string_view incoming, domain::Random& random);

}  // namespace sspr::http
