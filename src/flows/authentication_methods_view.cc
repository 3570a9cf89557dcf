#include "flows/authentication_methods_view.h"

#include "domain/methods/email_address.h"
#include "domain/methods/phone_number.h"

namespace sspr::flows {

namespace methods = domain::methods;
using methods::MethodType;

std::string method_id(MethodType type) {
  switch (type) {
    case MethodType::kMobilePhone:
      return "mobile";
    case MethodType::kOfficePhone:
      return "office";
    case MethodType::kEmail:
      return "email";
    case MethodType::kAppCode:
    case MethodType::kAppNotification:
      return "app";
    case MethodType::kSecurityQuestions:
      return "security_questions";
  }
  return "?";
}

nlohmann::json method_json(const methods::RegisteredMethod& method) {
  nlohmann::json json = {{"id", method_id(method.type)},
                         {"type", methods::to_string(method.type)},
                         {"source", methods::to_string(method.source)},
                         {"updated_at", method.updated_at}};
  if (method.type == MethodType::kMobilePhone || method.type == MethodType::kOfficePhone) {
    json["phoneType"] = method.type == MethodType::kMobilePhone ? "mobile" : "office";
    if (auto phone = methods::phone_number_from_e164(method.value, method.extension)) {
      json["phoneNumber"] = phone->display_with_extension();
      json["masked"] = phone->masked();
    }
  } else if (method.type == MethodType::kEmail) {
    json["emailAddress"] = method.value;
    json["masked"] = methods::EmailAddress{method.value}.masked();
  }
  return json;
}

nlohmann::json to_json(const UserMethodsView& view) {
  nlohmann::json value = nlohmann::json::array();
  for (const auto& method : view.methods) value.push_back(method_json(method));
  if (view.security_questions > 0) {
    value.push_back({{"id", "security_questions"},
                     {"type", "security_questions"},
                     {"registered", view.security_questions}});
  }
  return {{"upn", view.upn}, {"value", std::move(value)}};
}

nlohmann::json to_json(const MethodImportReport& report) {
  nlohmann::json rejected = nlohmann::json::array();
  for (const auto& row : report.rejected) {
    rejected.push_back(
        {{"line", row.line}, {"upn", row.upn}, {"error", row.error}, {"reason", row.reason}});
  }
  return {{"applied", report.applied}, {"rejected", std::move(rejected)}};
}

nlohmann::json to_json(const methods::CustomSecurityQuestion& question) {
  return {
      {"id", question.question_id()}, {"text", question.text}, {"created_at", question.created_at}};
}

}  // namespace sspr::flows
