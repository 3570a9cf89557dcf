#include "domain/eligibility/eligibility_errors.h"

namespace sspr::domain::eligibility {

namespace {

Error numbered(const std::string& code, const std::string& name, std::string technical) {
  return Error{ErrorKind::kForbidden, code, name, "error." + name,
               code + ": " + name + ": " + std::move(technical)};
}

}  // namespace

Error account_unavailable(const std::string& technical) {
  return Error{ErrorKind::kForbidden, "AccountUnavailable", "AccountUnavailable",
               "error.AccountUnavailable", technical};
}

Error tenant_sspr_disabled() {
  return numbered("SSPR_0009", "TenantSSPRFlagDisabled",
                  "self-service password reset is turned off for the organisation (policy: none)");
}

Error writeback_not_enabled() {
  return numbered("SSPR_0010", "WritebackNotEnabled",
                  "the user's password is managed on premises and password writeback is off");
}

Error sspr_not_enabled_in_user_policy() {
  return numbered("SSPR_0011", "SsprNotEnabledInUserPolicy",
                  "the organisation has never configured a self-service password reset policy");
}

Error user_not_licensed(const std::string& technical) {
  return numbered("SSPR_0012", "UserNotLicensed", technical);
}

Error user_not_member_of_scoped_group(const std::string& technical) {
  return numbered("SSPR_0013", "UserNotMemberOfScopedAccessGroup", technical);
}

Error user_not_properly_configured(const std::string& technical) {
  return numbered("SSPR_0014", "UserNotProperlyConfigured", technical);
}

}  // namespace sspr::domain::eligibility
