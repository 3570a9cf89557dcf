#pragma once
// The JSON of diagnose, shared by `sspr diagnose --json` and GET /api/v1/diagnose/...
// (docs/openapi.yaml): user texts and fixes rendered in `language`, methods masked.
//
// User: {"user", "tenant", "can_reset", "account", "policy", "methods",
//   "security_questions_registered", "registration", "checks": [{"number", "check", "result",
//   "error"?, "reason"?, "fix"?, "fix_key"?}], "throttling", "first_failure"}.
// Tenant: {"tenant", "name", "policy", "users", "users_in_scope", "users_can_reset",
//   "administrators", "administrators_can_reset", "blocks_users",
//   "findings": [{"id", "severity", "affected", "examples", "error", "text", "fix"}]}.

#include <string_view>

#include <nlohmann/json.hpp>

#include "flows/reset_diagnosis.h"

namespace sspr::flows {

nlohmann::json to_json(const UserDiagnosis& diagnosis, std::string_view language);
nlohmann::json to_json(const TenantDiagnosisView& view, std::string_view language);

}  // namespace sspr::flows
