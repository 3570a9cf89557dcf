#pragma once
// The JSON bodies of the directory admin API with more than one field (users, groups,
// subscriptions, authentication methods), read into what DirectoryAdministration takes. Pure:
// a parsed body in, the fields or InvalidInput naming the field out. One-field bodies
// ({"role"}, {"sku"}, {"domain"}, {"password"}, {"emailAddress"}, {"text"}) are read with
// required_string alone.

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "domain/group.h"
#include "domain/methods/contact_methods_csv.h"
#include "domain/methods/method_type.h"
#include "domain/result.h"
#include "domain/user.h"
#include "flows/directory_administration.h"

namespace sspr::http {

// POST /api/v1/users: {"upn", "display_name", "given_name"?, "surname"?, "email"?, "source"?,
// "auth_mode"?, "onprem_id"?, "enabled"?, "password"?}.
struct NewUserRequest {
  domain::NewUser user;
  std::optional<std::string> password;
};
domain::Result<NewUserRequest> read_new_user_request(const nlohmann::json& body);

// PATCH /api/v1/users/:upn: any of "display_name", "given_name", "surname", "email", "enabled".
domain::Result<flows::UserChanges> read_user_changes_request(const nlohmann::json& body);

// POST /api/v1/groups: {"name", "description"?} ("" when absent).
struct GroupRequest {
  std::string name;
  std::string description;
};
domain::Result<GroupRequest> read_group_request(const nlohmann::json& body);

// POST /api/v1/groups/:name/members: {"user": UPN} or {"group": NAME}, exactly one of them.
struct MemberRequest {
  domain::MemberKind kind = domain::MemberKind::kUser;
  std::string member;
};
domain::Result<MemberRequest> read_member_request(const nlohmann::json& body);

// POST /api/v1/subscriptions: {"sku", "seats"?}.
struct SubscriptionRequest {
  std::string sku;
  std::optional<int> seats;
};
domain::Result<SubscriptionRequest> read_subscription_request(const nlohmann::json& body);

// POST /api/v1/users/:upn/authentication/phoneMethods: {"phoneNumber", "phoneType"} with
// phoneType "mobile" or "office"; the number is checked by the flow.
struct PhoneMethodRequest {
  domain::methods::MethodType type = domain::methods::MethodType::kMobilePhone;
  domain::methods::ContactMethodChanges changes;  // the one phone field set
};
domain::Result<PhoneMethodRequest> read_phone_method_request(const nlohmann::json& body);

}  // namespace sspr::http
