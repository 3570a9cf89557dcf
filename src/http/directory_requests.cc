#include "http/directory_requests.h"

#include <utility>

#include "domain/error.h"
#include "http/json_body.h"

namespace sspr::http {

namespace errors = domain::errors;

domain::Result<NewUserRequest> read_new_user_request(const nlohmann::json& body) {
  NewUserRequest request;
  auto upn = required_string(body, "upn");
  if (!upn) return upn.error();
  request.user.upn = std::move(*upn);
  auto display_name = required_string(body, "display_name");
  if (!display_name) return display_name.error();
  request.user.display_name = std::move(*display_name);
  for (const auto& [field, target] :
       {std::pair<const char*, std::string*>{"given_name", &request.user.given_name},
        {"surname", &request.user.surname},
        {"email", &request.user.email},
        {"source", &request.user.source},
        {"auth_mode", &request.user.auth_mode},
        {"onprem_id", &request.user.onprem_id}}) {
    auto value = optional_string(body, field);
    if (!value) return value.error();
    if (*value) *target = std::move(**value);
  }
  auto enabled = optional_bool(body, "enabled");
  if (!enabled) return enabled.error();
  if (*enabled) request.user.enabled = **enabled;
  auto password = optional_string(body, "password");
  if (!password) return password.error();
  request.password = std::move(*password);
  return request;
}

domain::Result<flows::UserChanges> read_user_changes_request(const nlohmann::json& body) {
  flows::UserChanges changes;
  for (const auto& [field, target] :
       {std::pair<const char*, std::optional<std::string>*>{"display_name", &changes.display_name},
        {"given_name", &changes.given_name},
        {"surname", &changes.surname},
        {"email", &changes.email}}) {
    auto value = optional_string(body, field);
    if (!value) return value.error();
    *target = std::move(*value);
  }
  auto enabled = optional_bool(body, "enabled");
  if (!enabled) return enabled.error();
  changes.enabled = *enabled;
  return changes;
}

domain::Result<GroupRequest> read_group_request(const nlohmann::json& body) {
  auto name = required_string(body, "name");
  if (!name) return name.error();
  auto description = optional_string(body, "description");
  if (!description) return description.error();
  return GroupRequest{std::move(*name), description->value_or("")};
}

domain::Result<MemberRequest> read_member_request(const nlohmann::json& body) {
  auto user = optional_string(body, "user");
  if (!user) return user.error();
  auto group = optional_string(body, "group");
  if (!group) return group.error();
  if (user->has_value() == group->has_value()) {
    return errors::invalid_input("user", "give exactly one of \"user\" and \"group\"");
  }
  if (user->has_value()) return MemberRequest{domain::MemberKind::kUser, std::move(**user)};
  return MemberRequest{domain::MemberKind::kGroup, std::move(**group)};
}

domain::Result<SubscriptionRequest> read_subscription_request(const nlohmann::json& body) {
  auto sku = required_string(body, "sku");
  if (!sku) return sku.error();
  auto seats = optional_int(body, "seats");
  if (!seats) return seats.error();
  return SubscriptionRequest{std::move(*sku), *seats};
}

domain::Result<PhoneMethodRequest> read_phone_method_request(const nlohmann::json& body) {
  auto number = required_string(body, "phoneNumber");
  if (!number) return number.error();
  auto phone_type = required_string(body, "phoneType");
  if (!phone_type) return phone_type.error();
  PhoneMethodRequest request;
  if (*phone_type == "mobile") {
    request.type = domain::methods::MethodType::kMobilePhone;
    request.changes.mobile_phone = std::move(*number);
  } else if (*phone_type == "office") {
    request.type = domain::methods::MethodType::kOfficePhone;
    request.changes.office_phone = std::move(*number);
  } else {
    return errors::invalid_input("phoneType", "must be \"mobile\" or \"office\"");
  }
  return request;
}

}  // namespace sspr::http
