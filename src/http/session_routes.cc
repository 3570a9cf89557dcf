// Self-service sign-in for the pages (docs/ARCHITECTURE.md, "Sessions and CSRF"):
//   POST   /api/v1/session      {"user_id", "password"} -> 201 + the session cookie
//   GET    /api/v1/session      the signed-in user and the CSRF token
//   DELETE /api/v1/session      sign out: 204 + an expired cookie
//   POST   /api/v1/me/password  {"current_password", "new_password"}: change one's password
//   GET    /api/v1/i18n         ?prefix=page. : the page texts in the negotiated language
// Passwords are read from the body and never logged or echoed.

#include <algorithm>

#include "domain/error.h"
#include "http/cookies.h"
#include "http/csrf.h"
#include "http/json_body.h"
#include "http/route_families.h"
#include "http/session_requests.h"
#include "i18n/catalogue.h"

namespace sspr::http {
namespace {

namespace errors = domain::errors;

// The "register when signing in" interrupt (SPEC §2): decided at sign-in and kept in the
// session, and answered as long as it still holds (it ends once the user has registered or
// confirmed; a user who cancels is asked again at the next sign-in).
bool registration_required(const ApiRequest& request, const flows::SignedInUser& signed_in) {
  if (!signed_in.session.must_register || !request.registration) return false;
  auto required = request.registration->registration_required(signed_in.user);
  return required && *required;
}

nlohmann::json session_json(const flows::SignedInUser& signed_in, bool must_register) {
  return {{"user",
           {{"upn", signed_in.user.upn},
            {"display_name", signed_in.user.display_name},
            {"source", std::string(domain::to_string(signed_in.user.source))}}},
          {"csrf_token", signed_in.csrf_token},
          {"must_register", must_register},
          {"registration_required", must_register},
          {"expires_at",
           std::min(signed_in.session.idle_expires_at, signed_in.session.absolute_expires_at)}};
}

ApiResult sign_in(const ApiRequest& request) {
  // No session yet, so no CSRF token: same origin and a JSON body (which a cross-origin page
  // cannot send without a CORS preflight) keep other sites from signing a browser in.
  if (auto same = check_same_origin(request.header("origin"), request.header("host")); !same) {
    return same.error();
  }
  if (auto json = check_json_content_type(request.header("content-type")); !json) {
    return json.error();
  }
  auto body = request.json_body();
  if (!body) return body.error();
  auto credentials = read_sign_in_request(*body);
  if (!credentials) return credentials.error();
  auto signed_in =
      request.sessions.sign_in(request.context, credentials->user_id, credentials->password);
  if (!signed_in) return signed_in.error();
  if (request.registration) {
    auto required = request.registration->registration_required(signed_in->signed_in.user);
    if (required && *required) {
      auto marked = request.sessions.mark_must_register(signed_in->signed_in.session.id);
      if (!marked) return marked.error();
      signed_in->signed_in.session.must_register = true;
    }
  }
  const auto& session = signed_in->signed_in;
  auto response = ApiResponse::created(session_json(session, session.session.must_register));
  response.headers.emplace_back("Set-Cookie",
                                session_cookie(signed_in->token, request.secure_cookie));
  return response;
}

ApiResult current_session(const ApiRequest& request) {
  if (!request.session) return errors::unauthenticated("not signed in");
  return ApiResponse::ok(
      session_json(*request.session, registration_required(request, *request.session)));
}

ApiResult sign_out(const ApiRequest& request) {
  if (request.session) {
    auto status = request.sessions.sign_out(request.context, *request.session);
    if (!status) return status.error();
  }
  auto response = ApiResponse::no_content();
  response.headers.emplace_back("Set-Cookie", expired_session_cookie(request.secure_cookie));
  return response;
}

ApiResult change_password(const ApiRequest& request) {
  if (!request.session) return errors::unauthenticated("not signed in");
  auto body = request.json_body();
  if (!body) return body.error();
  auto change = read_password_change_request(*body);
  if (!change) return change.error();
  auto refusal = request.password_change.change(request.context, *request.session,
                                                change->current_password, change->new_password);
  if (!refusal) return ApiResponse::no_content();
  if (!refusal->evaluation) return refusal->error;
  nlohmann::json reasons = nlohmann::json::array();
  nlohmann::json messages = nlohmann::json::array();
  for (auto reason : refusal->evaluation->reasons) {
    reasons.push_back(std::string(domain::password::reason_name(reason)));
    messages.push_back(
        i18n::translate(request.language, domain::password::reason_message_key(reason)));
  }
  return ApiResponse::failure(refusal->error, {{"reasons", reasons}, {"messages", messages}});
}

ApiResult page_texts(const ApiRequest& request) {
  const std::string prefix = request.query_value("prefix").value_or("page.");
  nlohmann::json messages = nlohmann::json::object();
  for (const auto& key : i18n::keys()) {
    if (key.rfind(prefix, 0) == 0) messages[key] = i18n::translate(request.language, key);
  }
  return ApiResponse::ok({{"language", request.language}, {"messages", std::move(messages)}});
}

}  // namespace

void add_session_routes(std::vector<ApiRoute>& routes) {
  routes.push_back({Method::kPost, "/api/v1/session", sign_in, false, SessionUse::kNone});
  routes.push_back(
      {Method::kGet, "/api/v1/session", current_session, false, SessionUse::kRequired});
  routes.push_back({Method::kDelete, "/api/v1/session", sign_out, false, SessionUse::kOptional});
  routes.push_back(
      {Method::kPost, "/api/v1/me/password", change_password, false, SessionUse::kRequired});
  routes.push_back({Method::kGet, "/api/v1/i18n", page_texts, false, SessionUse::kNone});
}

}  // namespace sspr::http
