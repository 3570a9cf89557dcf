#include "http/json_body.h"

#include <limits>

#include "domain/error.h"

namespace sspr::http {

namespace errors = domain::errors;

bool json_nesting_exceeds(std::string_view text, std::size_t max_depth) {
  std::size_t depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (const char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    switch (c) {
      case '"':
        in_string = true;
        break;
      case '{':
      case '[':
        if (++depth > max_depth) return true;
        break;
      case '}':
      case ']':
        if (depth > 0) --depth;
        break;
      default:
        break;
    }
  }
  return false;
}

bool json_has_nul(const nlohmann::json& value) {
  if (value.is_string()) return value.get_ref<const std::string&>().find('\0') != std::string::npos;
  if (value.is_object()) {
    for (const auto& [key, member] : value.items()) {
      if (key.find('\0') != std::string::npos || json_has_nul(member)) return true;
    }
  } else if (value.is_array()) {
    for (const auto& element : value) {
      if (json_has_nul(element)) return true;
    }
  }
  return false;
}

domain::Result<nlohmann::json> parse_json_object(std::string_view body, std::size_t max_depth) {
  if (json_nesting_exceeds(body, max_depth)) {
    return errors::malformed_json("nesting deeper than " + std::to_string(max_depth) + " levels");
  }
  nlohmann::json parsed = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) return errors::malformed_json("syntax error");
  if (!parsed.is_object()) return errors::malformed_json("the body must be a JSON object");
  if (json_has_nul(parsed)) return errors::malformed_json("a string holds a NUL character");
  return parsed;
}

namespace {

const nlohmann::json* present(const nlohmann::json& object, const std::string& field) {
  const auto it = object.find(field);
  if (it == object.end() || it->is_null()) return nullptr;
  return &*it;
}

}  // namespace

domain::Result<std::optional<std::string>> optional_string(const nlohmann::json& object,
                                                           const std::string& field) {
  const auto* value = present(object, field);
  if (!value) return std::optional<std::string>();
  if (!value->is_string()) return errors::invalid_input(field, "must be a string");
  return std::optional<std::string>(value->get<std::string>());
}

domain::Result<std::string> required_string(const nlohmann::json& object,
                                            const std::string& field) {
  auto value = optional_string(object, field);
  if (!value) return value.error();
  if (!*value) return errors::invalid_input(field, "is required");
  return std::move(**value);
}

domain::Result<std::optional<bool>> optional_bool(const nlohmann::json& object,
                                                  const std::string& field) {
  const auto* value = present(object, field);
  if (!value) return std::optional<bool>();
  if (!value->is_boolean()) return errors::invalid_input(field, "must be true or false");
  return std::optional<bool>(value->get<bool>());
}

domain::Result<std::optional<int>> optional_int(const nlohmann::json& object,
                                                const std::string& field) {
  const auto* value = present(object, field);
  if (!value) return std::optional<int>();
  if (!value->is_number_integer()) return errors::invalid_input(field, "must be an integer");
  const auto number = value->get<long long>();
  if (number < std::numeric_limits<int>::min() || number > std::numeric_limits<int>::max()) {
    return errors::invalid_input(field, "is out of range");
  }
  return std::optional<int>(static_cast<int>(number));
}

}  // namespace sspr::http
