#include "http/security_info_requests.h"

#include <utility>

#include "domain/error.h"
#include "http/json_body.h"

namespace sspr::http {

namespace errors = domain::errors;

domain::Result<MethodStartRequest> read_method_start_request(const nlohmann::json& body) {
  MethodStartRequest request;
  auto type = required_string(body, "type");
  if (!type) return type.error();
  request.type = std::move(*type);
  for (auto [name, target] : {std::pair<const char*, std::string*>{"phone", &request.input.phone},
                              {"email", &request.input.email},
                              {"channel", &request.input.channel}}) {
    auto value = optional_string(body, name);
    if (!value) return value.error();
    *target = value->value_or("");
  }
  return request;
}

domain::Result<std::vector<domain::methods::SecurityAnswerInput>> read_security_answers_request(
    const nlohmann::json& body) {
  const auto answers = body.find("answers");
  if (answers == body.end() || !answers->is_array()) {
    return errors::invalid_input("answers", "must be an array of answers");
  }
  std::vector<domain::methods::SecurityAnswerInput> input;
  for (std::size_t i = 0; i < answers->size(); ++i) {
    const auto& entry = (*answers)[i];
    const std::string field = "answers[" + std::to_string(i) + "]";
    if (!entry.is_object()) return errors::invalid_input(field, "must be an object");
    auto question = required_string(entry, "question_id");
    auto answer = required_string(entry, "answer");
    if (!question || !answer) {
      return errors::invalid_input(field, "needs \"question_id\" and \"answer\" strings");
    }
    input.push_back({std::move(*question), std::move(*answer)});
  }
  return input;
}

}  // namespace sspr::http
