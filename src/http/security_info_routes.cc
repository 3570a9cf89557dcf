// The security-info page of a signed-in user (SPEC §3; the API is fixed in docs/openapi.yaml):
//   GET    /api/v1/me/security-info                    methods, questions, policy, status
//   GET    /api/v1/me/security-questions/available     predefined + tenant questions
//   POST   /api/v1/me/methods                          start adding/changing a method -> 202
//   POST   /api/v1/me/methods/pending/:id/verify       prove it with the code -> 201, saved
//   DELETE /api/v1/me/methods/:id                      -> 204
//   PUT    /api/v1/me/security-questions               replace the answers -> 200
//   DELETE /api/v1/me/security-questions               -> 204
//   POST   /api/v1/me/security-info/confirm            the reconfirm prompt's "looks good"
//   GET    /api/v1/demo/outbox?limit=N                 `sspr demo` only: the outbox, newest first
// All but the last need the session cookie; state changes need X-CSRF-Token (api_dispatch).
// A field error carries "field" inside "error". Codes and answers are never echoed.

#include <fstream>

#include "domain/error.h"
#include "domain/policy/method_type.h"
#include "http/json_body.h"
#include "http/route_families.h"
#include "http/security_info_requests.h"

namespace sspr::http {
namespace {

namespace errors = domain::errors;
namespace dm = domain::methods;

domain::Result<flows::SecurityInfoRegistration*> registration_of(const ApiRequest& request) {
  if (!request.session) return errors::unauthenticated("not signed in");
  if (!request.registration) return errors::internal("the security-info page is not configured");
  return request.registration;
}

// A BadInput error whose technical line starts with "<field>: " names that field.
ApiResult with_field(const domain::Error& error) {
  if (error.kind != domain::ErrorKind::kBadInput) return error;
  const auto colon = error.technical.find(": ");
  if (colon == std::string::npos || colon == 0) return error;
  const std::string field = error.technical.substr(0, colon);
  if (field.find_first_not_of("abcdefghijklmnopqrstuvwxyz_[]0123456789") != std::string::npos) {
    return error;
  }
  return ApiResponse::failure(error, {{"field", field}});
}

nlohmann::json method_json(const flows::SecurityInfoMethod& method) {
  return {{"id", method.id},
          {"type", std::string(dm::to_string(method.type))},
          {"display", method.display},
          {"source", std::string(dm::to_string(method.source))},
          {"updated_at", method.updated_at}};
}

nlohmann::json questions_json(const std::vector<flows::methods::QuestionText>& questions) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& q : questions) out.push_back({{"id", q.id}, {"text", q.text}});
  return out;
}

ApiResult security_info(const ApiRequest& request) {
  auto registration = registration_of(request);
  if (!registration) return registration.error();
  auto view = (*registration)->view(request.session->user, request.language);
  if (!view) return view.error();
  nlohmann::json methods = nlohmann::json::array();
  for (const auto& method : view->methods) methods.push_back(method_json(method));
  nlohmann::json allowed = nlohmann::json::array();
  for (auto type : view->allowed) allowed.push_back(std::string(dm::to_string(type)));
  return ApiResponse::ok(
      {{"user", {{"upn", view->user.upn}, {"display_name", view->user.display_name}}},
       {"methods", methods},
       {"security_questions",
        {{"registered", view->questions.size()}, {"questions", questions_json(view->questions)}}},
       {"policy",
        {{"methods_required", view->status.methods_required},
         {"allowed", allowed},
         {"questions_to_register", view->policy.questions_to_register}}},
       {"registration",
        {{"registered", view->status.registered},
         {"reconfirm_due", view->status.reconfirm_due},
         {"missing", view->missing}}}});
}

ApiResult available_questions(const ApiRequest& request) {
  auto registration = registration_of(request);
  if (!registration) return registration.error();
  auto questions = (*registration)->available_questions(request.session->user, request.language);
  if (!questions) return questions.error();
  return ApiResponse::ok({{"questions", questions_json(*questions)}});
}

ApiResult start_method(const ApiRequest& request) {
  auto registration = registration_of(request);
  if (!registration) return registration.error();
  auto body = request.json_body();
  if (!body) return body.error();
  auto wanted = read_method_start_request(*body);
  if (!wanted) return with_field(wanted.error());
  auto started = (*registration)
                     ->start(request.context, request.session->user, wanted->type, wanted->input,
                             request.language);
  if (!started) return with_field(started.error());
  nlohmann::json out = {{"pending_id", started->pending_id},
                        {"type", std::string(dm::to_string(started->type))}};
  if (!started->sent_to.empty()) out["sent_to"] = started->sent_to;
  if (!started->warning.empty()) out["warning"] = started->warning;
  if (!started->otpauth_uri.empty()) {
    out["otpauth_uri"] = started->otpauth_uri;
    out["qr_svg"] = started->qr_svg;
    out["secret"] = started->secret_base32;
  }
  return ApiResponse{202, std::move(out)};
}

ApiResult verify_method(const ApiRequest& request) {
  auto registration = registration_of(request);
  if (!registration) return registration.error();
  auto body = request.json_body();
  if (!body) return body.error();
  auto code = required_string(*body, "code");
  if (!code) return with_field(code.error());
  auto saved = (*registration)
                   ->prove(request.context, request.session->user, request.param("pending_id"),
                           *code, request.language);
  if (!saved) return with_field(saved.error());
  return ApiResponse::created({{"method", method_json(*saved)}});
}

ApiResult remove_method(const ApiRequest& request) {
  auto registration = registration_of(request);
  if (!registration) return registration.error();
  return respond(
      (*registration)
          ->remove(request.context, request.session->user, request.param("id"), request.language));
}

ApiResult set_questions(const ApiRequest& request) {
  auto registration = registration_of(request);
  if (!registration) return registration.error();
  auto body = request.json_body();
  if (!body) return body.error();
  auto input = read_security_answers_request(*body);
  if (!input) return with_field(input.error());
  auto registered = (*registration)->set_questions(request.context, request.session->user, *input);
  if (!registered) return with_field(registered.error());
  return ApiResponse::ok({{"registered", *registered}});
}

ApiResult remove_questions(const ApiRequest& request) {
  auto registration = registration_of(request);
  if (!registration) return registration.error();
  return respond((*registration)->remove_questions(request.context, request.session->user));
}

ApiResult confirm(const ApiRequest& request) {
  auto registration = registration_of(request);
  if (!registration) return registration.error();
  auto confirmed = (*registration)->confirm(request.context, request.session->user);
  if (!confirmed) return confirmed.error();
  return ApiResponse::ok({{"confirmed", true}});
}

// The demo's outbox file (CONTRACT.md lines), newest first; unreadable lines are skipped.
ApiResult demo_outbox(const ApiRequest& request) {
  if (request.demo_outbox.empty()) return errors::not_found("route", "/api/v1/demo/outbox");
  auto limit = request.query_count("limit");
  if (!limit) return limit.error();
  const std::size_t wanted = limit->value_or(20);
  std::vector<nlohmann::json> lines;
  std::ifstream file(request.demo_outbox);
  for (std::string line; std::getline(file, line);) {
    auto parsed = nlohmann::json::parse(line, nullptr, false);
    if (!parsed.is_discarded() && parsed.is_object()) lines.push_back(std::move(parsed));
  }
  nlohmann::json messages = nlohmann::json::array();
  for (auto it = lines.rbegin(); it != lines.rend() && messages.size() < wanted; ++it) {
    messages.push_back(std::move(*it));
  }
  return ApiResponse::ok({{"messages", std::move(messages)}});
}

}  // namespace

void add_security_info_routes(std::vector<ApiRoute>& routes) {
  const auto me = [&](Method method, std::string pattern, ApiHandler handler) {
    routes.push_back(
        {method, std::move(pattern), std::move(handler), false, SessionUse::kRequired});
  };
  me(Method::kGet, "/api/v1/me/security-info", security_info);
  me(Method::kPost, "/api/v1/me/security-info/confirm", confirm);
  me(Method::kGet, "/api/v1/me/security-questions/available", available_questions);
  me(Method::kPut, "/api/v1/me/security-questions", set_questions);
  me(Method::kDelete, "/api/v1/me/security-questions", remove_questions);
  me(Method::kPost, "/api/v1/me/methods", start_method);
  me(Method::kPost, "/api/v1/me/methods/pending/:pending_id/verify", verify_method);
  me(Method::kDelete, "/api/v1/me/methods/:id", remove_method);
  routes.push_back({Method::kGet, "/api/v1/demo/outbox", demo_outbox, false, SessionUse::kNone});
}

}  // namespace sspr::http
