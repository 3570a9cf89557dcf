#include "http/api_router.h"

#include <algorithm>
#include <string>

namespace sspr::http {
namespace {

// The path with percent-encoded unreserved characters decoded ("/%7Ex" -> "/~x"), as
// RESTinio's routers see it. Throws restinio::exception_t for a malformed escape.
std::string normalised(std::string_view path) {
  namespace unreserved = restinio::utils::uri_normalization::unreserved_chars;
  const std::size_t size = unreserved::estimate_required_capacity(path);
  if (size == path.size()) return std::string(path);
  std::string out(size, '\0');
  unreserved::normalize_to(path, out.data());
  return out;
}

}  // namespace

restinio::http_method_id_t restinio_method(Method method) {
  switch (method) {
    case Method::kGet:
      return restinio::http_method_get();
    case Method::kPost:
      return restinio::http_method_post();
    case Method::kPatch:
      return restinio::http_method_patch();
    case Method::kDelete:
      return restinio::http_method_delete();
    case Method::kPut:
      return restinio::http_method_put();
  }
  return restinio::http_method_get();
}

void ApiRouter::add(Method method, std::string_view pattern, Handler handler) {
  auto it = std::find_if(patterns_.begin(), patterns_.end(),
                         [&](const Pattern& known) { return known.pattern.text() == pattern; });
  if (it == patterns_.end()) it = patterns_.insert(patterns_.end(), {PathPattern(pattern), ""});
  it->allow += (it->allow.empty() ? "" : ", ") + std::string(to_string(method));
  routes_.push_back({restinio_method(method), static_cast<std::size_t>(it - patterns_.begin()),
                     std::move(handler)});
}

void ApiRouter::on_method_not_allowed(MethodNotAllowedHandler handler) {
  method_not_allowed_ = std::move(handler);
}

void ApiRouter::on_not_found(NotFoundHandler handler) { not_found_ = std::move(handler); }

restinio::request_handling_status_t ApiRouter::operator()(
    restinio::request_handle_t request) const {
  const std::string path = normalised(request->header().path());
  const auto segments = split_path(path);
  if (segments) {
    const auto method = request->header().method();
    std::vector<std::string_view> values;
    for (const auto& route : routes_) {
      if (route.method == method && patterns_[route.pattern].pattern.match(*segments, values)) {
        return route.handler(std::move(request), values);
      }
    }
    // A known path with another method: the first pattern that matches names the methods.
    for (const auto& known : patterns_) {
      if (known.pattern.match(*segments, values) && method_not_allowed_) {
        return method_not_allowed_(std::move(request), known.allow);
      }
    }
  }
  if (not_found_) return not_found_(std::move(request));
  return restinio::request_not_handled();
}

}  // namespace sspr::http
