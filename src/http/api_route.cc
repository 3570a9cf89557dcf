#include "http/api_route.h"

#include <charconv>

#include "domain/ascii_text.h"
#include "domain/error.h"
#include "http/cookies.h"
#include "http/json_body.h"

namespace sspr::http {

const std::string& ApiRequest::param(const std::string& name) const {
  static const std::string kEmpty;
  const auto it = path.find(name);
  return it == path.end() ? kEmpty : it->second;
}

std::string ApiRequest::header(std::string_view name) const {
  const auto it = headers.find(domain::ascii_lower(name));
  return it == headers.end() ? std::string() : it->second;
}

std::optional<std::string> ApiRequest::cookie(std::string_view name) const {
  const auto cookies = parse_cookie_header(header("cookie"));
  const auto it = cookies.find(std::string(name));
  if (it == cookies.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> ApiRequest::query_value(const std::string& name) const {
  const auto it = query.find(name);
  if (it == query.end()) return std::nullopt;
  return it->second;
}

domain::Result<std::optional<std::size_t>> ApiRequest::query_count(const std::string& name) const {
  const auto text = query_value(name);
  if (!text || text->empty()) return std::optional<std::size_t>();
  std::size_t value = 0;
  const char* end = text->data() + text->size();
  auto [ptr, ec] = std::from_chars(text->data(), end, value);
  if (ec != std::errc() || ptr != end) {
    return domain::errors::invalid_input(name, "must be a non-negative integer");
  }
  return std::optional<std::size_t>(value);
}

domain::Result<nlohmann::json> ApiRequest::json_body() const {
  return parse_json_object(body, max_json_depth);
}

domain::Result<domain::TenantId> ApiRequest::tenant() const {
  if (!actor.tenant) {
    return domain::errors::forbidden("the API token is not bound to a tenant");
  }
  return *actor.tenant;
}

std::string_view to_string(Method method) {
  switch (method) {
    case Method::kGet:
      return "GET";
    case Method::kPost:
      return "POST";
    case Method::kPatch:
      return "PATCH";
    case Method::kDelete:
      return "DELETE";
    case Method::kPut:
      return "PUT";
  }
  return "GET";
}

}  // namespace sspr::http
