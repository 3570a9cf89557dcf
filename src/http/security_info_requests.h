#pragma once
// The JSON bodies of the security-info page (http/security_info_routes.cc), read into what
// the registration flow takes. Pure: a parsed body in, the fields or InvalidInput naming the
// field out. The proving code ({"code"}) is read with required_string alone.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/methods/security_answer_rules.h"
#include "domain/result.h"
#include "flows/methods/method_strategy.h"

namespace sspr::http {

// POST /api/v1/me/methods: {"type", "phone"?, "email"?, "channel"?} ("" when absent).
struct MethodStartRequest {
  std::string type;
  flows::methods::MethodRequest input;  // phone, email and channel; issuer is the flow's
};
domain::Result<MethodStartRequest> read_method_start_request(const nlohmann::json& body);

// PUT /api/v1/me/security-questions: {"answers": [{"question_id", "answer"}, ...]}.
domain::Result<std::vector<domain::methods::SecurityAnswerInput>> read_security_answers_request(
    const nlohmann::json& body);

}  // namespace sspr::http
