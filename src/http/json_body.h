#pragma once
// Reading JSON request bodies. A body must be one JSON object no deeper than the configured
// nesting limit (checked before parsing, so hostile nesting cannot exhaust the stack).
// Fields are read by name with their expected type; a wrong type is InvalidInput naming the
// field; unknown fields are ignored; null counts as absent.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "domain/result.h"

namespace sspr::http {

// Whether arrays and objects in `text` nest deeper than `max_depth` ("{}" has depth 1).
// Brackets inside strings do not count.
bool json_nesting_exceeds(std::string_view text, std::size_t max_depth);

// Whether a string (or an object key) anywhere in `value` holds a NUL character ("\u0000"):
// no text of ours may, and C strings further down (libpq, libldap) would silently cut it
// short - "alice@contoso.example\u0000x" must not become Alice. `value` is already known to
// nest no deeper than the limit, so the recursion is bounded.
bool json_has_nul(const nlohmann::json& value);

// Errors: MalformedRequest (not JSON, too deep, not an object, or a NUL in a string).
domain::Result<nlohmann::json> parse_json_object(std::string_view body, std::size_t max_depth);

domain::Result<std::optional<std::string>> optional_string(const nlohmann::json& object,
                                                           const std::string& field);
domain::Result<std::string> required_string(const nlohmann::json& object, const std::string& field);
domain::Result<std::optional<bool>> optional_bool(const nlohmann::json& object,
                                                  const std::string& field);
domain::Result<std::optional<int>> optional_int(const nlohmann::json& object,
                                                const std::string& field);

}  // namespace sspr::http
