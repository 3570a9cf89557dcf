#pragma once
// Percent-decoding of URL path segments ("Sales%20Team" -> "Sales Team"). '+' is kept as
// is: it means a space only in form-encoded query strings, not in paths.

#include <optional>
#include <string>
#include <string_view>

namespace sspr::http {

// nullopt when a '%' is not followed by two hex digits or the result contains a NUL byte.
std::optional<std::string> percent_decode(std::string_view text);

}  // namespace sspr::http
