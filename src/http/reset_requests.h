#pragma once
// The JSON bodies of the reset flow's steps (http/reset_routes.cc, CONTRACT.md "Reset flow"),
// read into what the flow takes. Pure: a parsed body in, the fields or InvalidInput naming the
// field out. "password" bodies ({"password"}) are read with required_string alone.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/methods/security_answer_rules.h"
#include "domain/reset/reset_flow.h"
#include "domain/result.h"

namespace sspr::http {

// POST /api/v1/reset/flows: {"user_id", "captcha", "reason"?}.
struct StartFlowRequest {
  std::string user_id;
  domain::reset::ResetReason reason = domain::reset::ResetReason::kForgot;
  nlohmann::json captcha;  // null when absent; the CAPTCHA verifier reads it
};
domain::Result<StartFlowRequest> read_start_flow_request(const nlohmann::json& body);

// POST /api/v1/reset/flows/:id/challenge: {"method_id", "channel"?, "phone"?} ("" when absent).
struct ChallengeRequest {
  std::string method_id;
  std::string channel;
  std::string phone;
};
domain::Result<ChallengeRequest> read_challenge_request(const nlohmann::json& body);

// POST /api/v1/reset/flows/:id/verify: {"method_id", "code"?, "answers"?: [{"question_id",
// "answer"}]} ("" and no answers when absent).
struct VerifyRequest {
  std::string method_id;
  std::string code;
  std::vector<domain::methods::SecurityAnswerInput> answers;
};
domain::Result<VerifyRequest> read_verify_request(const nlohmann::json& body);

}  // namespace sspr::http
