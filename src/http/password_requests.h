#pragma once
// The JSON bodies of password protection (http/password_routes.cc): the tenant's banned terms
// and a candidate to evaluate. Pure: a parsed body in, the fields or InvalidInput naming the
// field out. The candidate is carried, never logged or echoed.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/result.h"

namespace sspr::http {

// POST and DELETE /api/v1/banned-passwords: {"terms": ["...", ...]}, a non-empty array of
// strings.
domain::Result<std::vector<std::string>> read_banned_terms_request(const nlohmann::json& body);

// POST /api/v1/password/evaluate: {"password", "user"?}.
struct EvaluationRequest {
  std::string password;
  std::optional<std::string> user;
};
domain::Result<EvaluationRequest> read_evaluation_request(const nlohmann::json& body);

}  // namespace sspr::http
