#pragma once
// What administrators see of a user's authentication methods and of a pre-population import,
// and their JSON form (Graph-like: GET /users/{upn}/authentication/methods answers
// {"value": [...]}). Never a security answer or an authenticator secret: security questions
// appear only as how many are registered, the app only as being there.

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/methods/contact_methods_csv.h"
#include "domain/methods/custom_security_question.h"
#include "domain/methods/registered_method.h"

namespace sspr::flows {

struct UserMethodsView {
  std::string upn;
  std::vector<domain::methods::RegisteredMethod> methods;  // phones, email, app
  std::size_t security_questions = 0;                      // answers registered
};

// The outcome of a bulk import: rows applied, and every rejected row with its reason.
struct MethodImportReport {
  std::size_t applied = 0;
  std::vector<domain::methods::RejectedRow> rejected;
};

// The id of a method in the API: "mobile", "office", "email", "app", "security_questions".
std::string method_id(domain::methods::MethodType type);

// One method as the API shows it: {"id", "type", "source", "updated_at", ...} plus, for
// phones, "phoneNumber" (display form with extension), "phoneType" and "masked"; for email,
// "emailAddress" and "masked".
nlohmann::json method_json(const domain::methods::RegisteredMethod& method);
// {"upn", "value": [method_json..., {"id": "security_questions", "registered": N}]}
nlohmann::json to_json(const UserMethodsView& view);
// {"applied", "rejected": [{"line", "upn", "error", "reason"}]}
nlohmann::json to_json(const MethodImportReport& report);
// {"id": "custom-7", "text", "created_at"}
nlohmann::json to_json(const domain::methods::CustomSecurityQuestion& question);

}  // namespace sspr::flows
