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
#include "flows/captcha.h"
#include "flows/directory_administration.h"
#include "flows/onprem/onprem_connections.h"
#include "flows/onprem/onprem_sync.h"
#include "flows/password_protection.h"
#include "flows/password_reset.h"
#include "flows/reset_diagnosis.h"
#include "flows/security_info_registration.h"
#include "flows/self_service_password_change.h"
#include "flows/signed_in_sessions.h"
#include "store/store.h"

namespace sspr::http {

class RequestMetrics;  // http/request_metrics.h

enum class Method { kGet, kPost, kPatch, kDelete, kPut };
std::string_view to_string(Method method);

// One API call as its handler sees it. Path parameters are already percent-decoded.
struct ApiRequest {
  domain::Actor actor;  // the token's actor, the signed-in user (no permissions), or empty
  domain::RequestContext context;
  std::map<std::string, std::string> path;   // named parameters of the route
  std::map<std::string, std::string> query;  // decoded query parameters
  std::string body;
  std::size_t max_json_depth = 32;
  flows::DirectoryAdministration& directory;
  flows::PasswordProtection& passwords;
  store::Store& store;
  flows::SignedInSessions& sessions;
  flows::SelfServicePasswordChange& password_change;
  // Request facts for pages (filled in by the dispatcher).
  Method method = Method::kGet;
  std::map<std::string, std::string> headers = {};  // names lower-cased; repeats joined by ", "
  std::string language = "en";                      // ?lang= / ?mkt=, then Accept-Language
  std::optional<flows::SignedInUser> session = std::nullopt;  // when the route uses one
  bool secure_cookie = false;                                 // [session] secure_cookie
  flows::Captcha* captcha = nullptr;                          // the proof-of-work CAPTCHA
  // The security-info page (null only in tests that do not need it).
  flows::SecurityInfoRegistration* registration = nullptr;
  std::string demo_outbox = {};  // the outbox file under `sspr demo`; "" otherwise
  // The reset flow (null only in tests that do not need it).
  flows::PasswordReset* reset = nullptr;
  // Diagnose (null only in tests that do not need it).
  flows::ResetDiagnosis* diagnosis = nullptr;
  // The server's clock (null only in tests that do not need it).
  const domain::Clock* clock = nullptr;
  // What this node has seen of the on-premises directories (for /readyz); null in tests.
  const RequestMetrics* request_metrics = nullptr;
  // The on-premises connection and sync (null only in tests that do not need them).
  flows::onprem::OnPremisesConnections* onprem_connections = nullptr;
  flows::onprem::OnPremisesSync* onprem_sync = nullptr;

  // A request header by (case-insensitive) name, "" when absent.
  std::string header(std::string_view name) const;
  // A cookie of the Cookie header, if sent.
  std::optional<std::string> cookie(std::string_view name) const;

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
  nlohmann::json body;                                            // null: no body (204)
  std::vector<std::pair<std::string, std::string>> headers = {};  // e.g. Set-Cookie
  // When set, the response is this error's envelope instead of `body`, with `error_details`
  // (an object) merged into its "error" member, e.g. the reasons a password was rejected.
  std::optional<domain::Error> error = std::nullopt;
  nlohmann::json error_details = nullptr;
  // A streamed body (exports): when set, `body` is ignored and the response is sent with
  // `content_type` and chunked transfer encoding; `stream` runs on the worker after the
  // headers went out and hands the body over piece by piece to `write`, which returns false
  // once the client has gone (stop then). Writing waits while the connection is behind, so
  // memory stays flat however long the body is. An error returned midway cuts the body short
  // (the status is already sent) and is logged.
  using ChunkWriter = std::function<bool(std::string_view chunk)>;
  std::function<domain::Status(const ChunkWriter& write)> stream = {};
  std::string content_type = {};

  static ApiResponse streamed(std::string content_type,
                              std::function<domain::Status(const ChunkWriter&)> stream,
                              std::vector<std::pair<std::string, std::string>> headers = {}) {
    ApiResponse response;
    response.headers = std::move(headers);
    response.stream = std::move(stream);
    response.content_type = std::move(content_type);
    return response;
  }
  static ApiResponse ok(nlohmann::json body) { return {200, std::move(body)}; }
  static ApiResponse created(nlohmann::json body) { return {201, std::move(body)}; }
  static ApiResponse no_content() { return {204, nullptr}; }
  static ApiResponse failure(domain::Error error, nlohmann::json details) {
    ApiResponse response;
    response.error = std::move(error);
    response.error_details = std::move(details);
    return response;
  }
};

using ApiResult = domain::Result<ApiResponse>;
using ApiHandler = std::function<ApiResult(const ApiRequest&)>;

// Whether a route uses the self-service session cookie (http/csrf.h for its CSRF rules).
enum class SessionUse {
  kNone,      // the cookie is ignored
  kOptional,  // looked up when sent; a missing or ended session is no error
  kRequired,  // a live session is required (unless requires_token and a bearer token is sent)
};

struct ApiRoute {
  Method method;
  std::string pattern;
  ApiHandler handler;
  bool requires_token = true;  // false for public routes such as /readyz
  SessionUse session = SessionUse::kNone;
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
