#pragma once
// The admin API as data: each route is a method, an express-style path pattern
// ("/api/v1/users/:upn") and a handler that turns an ApiRequest into a JSON response or an
// error. Handlers are thin - read the input, call one flow, render with flows::to_json - and
// run on the worker pool, so they may block. They know nothing of the HTTP library.

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/actor.h"
#include "domain/result.h"
#include "domain/tenant.h"
#include "flows/directory_administration.h"
#include "flows/password_protection.h"
#include "store/store.h"

namespace sspr::http {

// One API call as its handler sees it. Path parameters are already percent-decoded.
struct ApiRequest {
  domain::Actor actor;  // the token's actor (empty for public routes)
  domain::RequestContext context;
  std::map<std::string, std::string> path;   // named parameters of the route
  std::map<std::string, std::string> query;  // decoded query parameters
  std::string body;
  std::size_t max_json_depth = 32;
  flows::DirectoryAdministration& directory;
  flows::PasswordProtection& passwords;
  store::Store& store;

  // The named path parameter ("" if the route has none of that name).
  const std::string& param(const std::string& name) const;
  // A query parameter, if given.
  std::optional<std::string> query_value(const std::string& name) const;
  // A non-negative integer query parameter (InvalidInput naming it when not a number).
  domain::Result<std::optional<std::size_t>> query_count(const std::string& name) const;
  // The body as a JSON object (MalformedRequest when it is not one).
  domain::Result<nlohmann::json> json_body() const;
  // The tenant every admin call acts on: the token's (Forbidden when the actor has none).
  domain::Result<domain::TenantId> tenant() const;
};

struct ApiResponse {
  int status = 200;
  nlohmann::json body;  // null: no body (204)

  static ApiResponse ok(nlohmann::json body) { return {200, std::move(body)}; }
  static ApiResponse created(nlohmann::json body) { return {201, std::move(body)}; }
  static ApiResponse no_content() { return {204, nullptr}; }
};

using ApiResult = domain::Result<ApiResponse>;
using ApiHandler = std::function<ApiResult(const ApiRequest&)>;

enum class Method { kGet, kPost, kPatch, kDelete };
std::string_view to_string(Method method);

struct ApiRoute {
  Method method;
  std::string pattern;
  ApiHandler handler;
  bool requires_token = true;  // false for public routes such as /readyz
};

// Turns a Result<T> from a flow into a response with `status`, rendered by flows::to_json.
template <typename T>
ApiResult respond(domain::Result<T> result, int status = 200);

// A Status from a flow becomes 204 No Content.
ApiResult respond(const domain::Status& status);

}  // namespace sspr::http

#include "flows/json_view.h"

namespace sspr::http {

template <typename T>
ApiResult respond(domain::Result<T> result, int status) {
  if (!result) return result.error();
  return ApiResponse{status, flows::to_json(*result)};
}

inline ApiResult respond(const domain::Status& status) {
  if (!status) return status.error();
  return ApiResponse::no_content();
}

}  // namespace sspr::http
