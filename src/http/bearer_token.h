#pragma once
// Extracting the API token from "Authorization: Bearer <token>" (RFC 6750). The token is a
// secret: it is handed to authentication and never logged or echoed.

#include <optional>
#include <string>
#include <string_view>

namespace sspr::http {

// The token of a Bearer authorization header (scheme case-insensitive), or nullopt when the
// header is absent, of another scheme, or empty.
std::optional<std::string> bearer_token(std::string_view authorization);

}  // namespace sspr::http
