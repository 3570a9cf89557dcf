#pragma once
// Support codes (SPEC §4): the UUID an error answer shows the user, also written to the log
// line of the request and to every failure audit record the request wrote, so an
// administrator finds the whole story from the code alone.

#include <optional>
#include <string>
#include <string_view>

#include "domain/error.h"

namespace sspr::domain::support {

// The code in its canonical form (lower-case 8-4-4-4-12 hex, surrounding white space
// dropped), or nullopt when `text` is not a UUID.
std::optional<std::string> parse_support_code(std::string_view text);

// Nothing is recorded under a well-formed code (kind kNotFound, name UnknownSupportCode): codes
// of requests that changed nothing are only in the server log. The technical line says so.
Error unknown_support_code(const std::string& code);

}  // namespace sspr::domain::support
