#include "http/password_requests.h"

#include "domain/error.h"
#include "http/json_body.h"

namespace sspr::http {

namespace errors = domain::errors;

domain::Result<std::vector<std::string>> read_banned_terms_request(const nlohmann::json& body) {
  const auto found = body.find("terms");
  if (found == body.end() || !found->is_array() || found->empty()) {
    return errors::invalid_input("terms", "must be a non-empty array of strings");
  }
  std::vector<std::string> terms;
  for (const auto& term : *found) {
    if (!term.is_string()) return errors::invalid_input("terms", "must be strings");
    terms.push_back(term.get<std::string>());
  }
  return terms;
}

domain::Result<EvaluationRequest> read_evaluation_request(const nlohmann::json& body) {
  auto candidate = required_string(body, "password");
  if (!candidate) return candidate.error();
  auto user = optional_string(body, "user");
  if (!user) return user.error();
  return EvaluationRequest{std::move(*candidate), std::move(*user)};
}

}  // namespace sspr::http
