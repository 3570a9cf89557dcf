#include "http/reset_requests.h"

#include "domain/error.h"
#include "http/json_body.h"

namespace sspr::http {

namespace errors = domain::errors;

domain::Result<StartFlowRequest> read_start_flow_request(const nlohmann::json& body) {
  StartFlowRequest request;
  auto upn = required_string(body, "user_id");
  if (!upn) return upn.error();
  request.user_id = std::move(*upn);
  auto reason_text = optional_string(body, "reason");
  if (!reason_text) return reason_text.error();
  auto reason = domain::reset::reset_reason_from_string(reason_text->value_or("forgot"));
  if (!reason) return errors::invalid_input("reason", "must be \"forgot\" or \"locked_out\"");
  request.reason = *reason;
  if (const auto captcha = body.find("captcha"); captcha != body.end()) request.captcha = *captcha;
  return request;
}

domain::Result<ChallengeRequest> read_challenge_request(const nlohmann::json& body) {
  ChallengeRequest request;
  auto method = required_string(body, "method_id");
  if (!method) return method.error();
  request.method_id = std::move(*method);
  auto channel = optional_string(body, "channel");
  if (!channel) return channel.error();
  request.channel = channel->value_or("");
  auto phone = optional_string(body, "phone");
  if (!phone) return phone.error();
  request.phone = phone->value_or("");
  return request;
}

domain::Result<VerifyRequest> read_verify_request(const nlohmann::json& body) {
  VerifyRequest request;
  auto method = required_string(body, "method_id");
  if (!method) return method.error();
  request.method_id = std::move(*method);
  auto code = optional_string(body, "code");
  if (!code) return code.error();
  request.code = code->value_or("");
  if (auto found = body.find("answers"); found != body.end() && !found->is_null()) {
    if (!found->is_array()) return errors::invalid_input("answers", "must be an array");
    for (const auto& item : *found) {
      if (!item.is_object()) return errors::invalid_input("answers", "must hold objects");
      auto question = required_string(item, "question_id");
      if (!question) return question.error();
      auto answer = required_string(item, "answer");
      if (!answer) return errors::invalid_input("answers", "each needs an answer string");
      request.answers.push_back({std::move(*question), std::move(*answer)});
    }
  }
  return request;
}

}  // namespace sspr::http
