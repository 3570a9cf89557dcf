#pragma once
// The kinds of authentication method a policy can allow (SPEC §2, §3; CONTRACT.md names).
// The authenticator app appears twice - its code and its notification - but is one method
// for counting purposes (is_authenticator_app).

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "domain/methods/method_type.h"
#include "domain/result.h"

namespace sspr::domain::policy {

// One enumeration of method types for the whole product: the policy names the same types as
// the methods themselves (domain/methods/method_type.h).
using MethodType = methods::MethodType;

using MethodSet = std::set<MethodType>;

// "email", "mobile_phone", "office_phone", "security_questions", "app_code",
// "app_notification" (methods::to_string and methods::method_type_from_string).
std::string_view method_name(MethodType method);
std::optional<MethodType> parse_method(std::string_view name);
// Every method type, in declaration order.
const std::vector<MethodType>& all_methods();

bool is_authenticator_app(MethodType method);

// The names of a set, in declaration order.
std::vector<std::string> method_names(const MethodSet& methods);

// "email,mobile_phone": comma-separated names, spaces around them ignored. An unknown or
// repeated name, or an empty item, is InvalidInput naming `field`.
Result<MethodSet> parse_method_list(std::string_view text, const std::string& field);

// Distinct methods for counting: the app's code and notification together count once.
int distinct_method_count(const MethodSet& methods);

}  // namespace sspr::domain::policy
