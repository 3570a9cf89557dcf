// The self-service password reset flow (flows/password_reset.h, CONTRACT.md "Reset flow"),
// public (no token, no session):
//   POST /api/v1/reset/flows                 {"user_id", "captcha", "reason"?} -> 201 the flow
//                                            (reason "forgot" (default) or "locked_out")
//   POST /api/v1/reset/flows/:id/challenge   {"method_id", "channel"?, "phone"?}
//                                            -> 200 {"sent_to"?, "questions"?: [{"id","text"}]}
//                                            a code that could not be sent: the error with
//                                            "retry_after_seconds" and "can_contact_admin"
//   POST /api/v1/reset/flows/:id/verify      {"method_id", "code"} or
//                                            {"method_id", "answers": [{"question_id","answer"}]}
//                                            -> 200 the flow
//   POST /api/v1/reset/flows/:id/password    {"password"} -> 200 the flow ({"state": "done", ...})
//   POST /api/v1/reset/flows/:id/password/evaluate
//                                            {"password"} -> 200 the assessment, exactly as
//                                            POST /api/v1/password/evaluate, for the flow's user
//   POST /api/v1/reset/flows/:id/unlock      -> 200 the flow ({"state": "done", ...})
//   POST /api/v1/reset/flows/:id/contact-admin
//                                            -> 202 {"requested": true}
//   GET  /api/v1/reset/flows/:id             -> 200 the flow
// A rejected password is FuzzyPolicyViolationInvalidPassword (or PasswordPolicyViolation) with
// "reasons" and localised "messages" in the error envelope.

#include "domain/error.h"
#include "domain/reset/reset_flow.h"
#include "flows/password_assessment_json.h"
#include "flows/password_reset.h"
#include "http/json_body.h"
#include "http/reset_requests.h"
#include "http/route_families.h"
#include "i18n/catalogue.h"

namespace sspr::http {
namespace {

namespace dm = domain::methods;
namespace errors = domain::errors;

nlohmann::json flow_json(const flows::ResetFlowView& view) {
  nlohmann::json passed = nlohmann::json::array();
  for (auto type : view.gates_passed) passed.push_back(dm::to_string(type));
  nlohmann::json methods = nlohmann::json::array();
  for (const auto& method : view.methods) {
    methods.push_back({{"id", method.id},
                       {"type", dm::to_string(method.type)},
                       {"masked", method.masked},
                       {"channels", method.channels}});
  }
  return {{"id", view.id},
          {"state", domain::reset::to_string(view.state)},
          {"reason", domain::reset::to_string(view.reason)},
          {"gates_required", view.gates_required},
          {"gates_passed", passed},
          {"methods", methods},
          {"can_unlock", view.can_unlock},
          {"can_contact_admin", view.can_contact_admin},
          {"expires_at", view.expires_at}};
}

ApiResult flow_response(domain::Result<flows::ResetFlowView> result, int status = 200) {
  if (!result) return result.error();
  return ApiResponse{status, flow_json(*result)};
}

domain::Result<flows::PasswordReset*> use_case(const ApiRequest& request) {
  if (!request.reset) return errors::internal("the reset flow is not configured");
  return request.reset;
}

// A step that takes a JSON body: the use case and the parsed body, or the error to answer.
struct StepCall {
  flows::PasswordReset* reset;
  nlohmann::json body;
};

domain::Result<StepCall> step_call(const ApiRequest& request) {
  auto reset = use_case(request);
  if (!reset) return reset.error();
  auto body = request.json_body();
  if (!body) return body.error();
  return StepCall{*reset, std::move(*body)};
}

ApiResult start_flow(const ApiRequest& request) {
  auto call = step_call(request);
  if (!call) return call.error();
  const auto& [reset, body] = *call;
  auto start = read_start_flow_request(body);
  if (!start) return start.error();
  return flow_response(reset->start(request.context, start->user_id, start->captcha,
                                    request.language, start->reason),
                       201);
}

ApiResult challenge(const ApiRequest& request) {
  auto call = step_call(request);
  if (!call) return call.error();
  const auto& [reset, body] = *call;
  auto asked = read_challenge_request(body);
  if (!asked) return asked.error();
  flows::ResetSendFailure failure;
  auto sent = reset->challenge(request.context, request.param("id"), asked->method_id,
                               asked->channel, asked->phone, request.language, &failure);
  if (!sent && failure.recorded) {
    // SPEC §5.6: the page offers "try again" after a pause, and "contact your administrator".
    return ApiResponse::failure(sent.error(), {{"retry_after_seconds", failure.retry_after_seconds},
                                               {"can_contact_admin", failure.can_contact_admin}});
  }
  if (!sent) return sent.error();
  nlohmann::json out = nlohmann::json::object();
  if (!sent->sent_to.empty()) out["sent_to"] = sent->sent_to;
  if (!sent->questions.empty()) {
    out["questions"] = nlohmann::json::array();
    for (const auto& question : sent->questions) {
      out["questions"].push_back({{"id", question.id}, {"text", question.text}});
    }
  }
  return ApiResponse::ok(out);
}

ApiResult verify(const ApiRequest& request) {
  auto call = step_call(request);
  if (!call) return call.error();
  const auto& [reset, body] = *call;
  auto proof = read_verify_request(body);
  if (!proof) return proof.error();
  return flow_response(reset->verify(request.context, request.param("id"), proof->method_id,
                                     proof->code, proof->answers, request.language));
}

ApiResult set_password(const ApiRequest& request) {
  auto call = step_call(request);
  if (!call) return call.error();
  const auto& [reset, body] = *call;
  auto password = required_string(body, "password");
  if (!password) return password.error();
  domain::password::PasswordEvaluation rejected;
  rejected.accepted = true;  // stays so unless the tenant's rules reject the password
  auto done = reset->set_password(request.context, request.param("id"), *password, request.language,
                                  &rejected);
  if (done) return ApiResponse::ok(flow_json(*done));
  if (rejected.accepted) return done.error();
  nlohmann::json reasons = nlohmann::json::array();
  nlohmann::json messages = nlohmann::json::array();
  for (auto reason : rejected.reasons) {
    reasons.push_back(std::string(domain::password::reason_name(reason)));
    messages.push_back(
        i18n::translate(request.language, domain::password::reason_message_key(reason)));
  }
  return ApiResponse::failure(done.error(), {{"reasons", reasons}, {"messages", messages}});
}

// The same assessment as POST /api/v1/password/evaluate, for the flow's user and tenant, once
// the flow may set a password (otherwise the flow's error, and nothing about the candidate).
// Not a step of the flow: nothing is counted, written or audited.
ApiResult evaluate_password(const ApiRequest& request) {
  auto call = step_call(request);
  if (!call) return call.error();
  const auto& [reset, body] = *call;
  auto candidate = required_string(body, "password");
  if (!candidate) return candidate.error();
  auto subject = reset->password_subject(request.param("id"));
  if (!subject) return subject.error();
  // The flow's user evaluates for themselves only: read access to their own tenant.
  const domain::Actor actor{subject->upn, subject->tenant_id,
                            static_cast<unsigned>(domain::Permission::kReadDirectory)};
  auto assessment = request.passwords.evaluate(actor, subject->tenant_id, subject->upn, *candidate,
                                               domain::password::PasswordChange::kReset);
  if (!assessment) return assessment.error();
  return ApiResponse::ok(flows::to_json(*assessment, request.language));
}

ApiResult unlock(const ApiRequest& request) {
  auto reset = use_case(request);
  if (!reset) return reset.error();
  return flow_response((*reset)->unlock(request.context, request.param("id"), request.language));
}

ApiResult contact_admin(const ApiRequest& request) {
  auto reset = use_case(request);
  if (!reset) return reset.error();
  auto sent = (*reset)->contact_admin(request.context, request.param("id"), request.language);
  if (!sent) return sent.error();
  return ApiResponse{202, {{"requested", true}}};
}

ApiResult get_flow(const ApiRequest& request) {
  auto reset = use_case(request);
  if (!reset) return reset.error();
  return flow_response((*reset)->get(request.param("id"), request.language));
}

}  // namespace

void add_reset_routes(std::vector<ApiRoute>& routes) {
  routes.push_back({Method::kPost, "/api/v1/reset/flows", start_flow, /*requires_token=*/false});
  routes.push_back(
      {Method::kPost, "/api/v1/reset/flows/:id/challenge", challenge, /*requires_token=*/false});
  routes.push_back(
      {Method::kPost, "/api/v1/reset/flows/:id/verify", verify, /*requires_token=*/false});
  routes.push_back(
      {Method::kPost, "/api/v1/reset/flows/:id/password", set_password, /*requires_token=*/false});
  routes.push_back({Method::kPost, "/api/v1/reset/flows/:id/password/evaluate", evaluate_password,
                    /*requires_token=*/false});
  routes.push_back(
      {Method::kPost, "/api/v1/reset/flows/:id/unlock", unlock, /*requires_token=*/false});
  routes.push_back({Method::kPost, "/api/v1/reset/flows/:id/contact-admin", contact_admin,
                    /*requires_token=*/false});
  routes.push_back({Method::kGet, "/api/v1/reset/flows/:id", get_flow, /*requires_token=*/false});
}

}  // namespace sspr::http
