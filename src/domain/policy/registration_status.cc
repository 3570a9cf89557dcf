#include "domain/policy/registration_status.h"

#include <algorithm>

namespace sspr::domain::policy {
namespace {

using Days = std::chrono::duration<std::int64_t, std::ratio<86400>>;

// The methods an administrator may use (SPEC §6).
const MethodSet& admin_methods() {
  static const MethodSet methods = {MethodType::kEmail, MethodType::kMobilePhone,
                                    MethodType::kOfficePhone, MethodType::kAppCode};
  return methods;
}

// Whether the user's data makes `method` usable, given how many answers the questions need.
bool has_data_for(MethodType method, const RegisteredMethods& registered, int questions_needed) {
  if (method == MethodType::kSecurityQuestions) {
    return registered.security_questions_registered >= questions_needed;
  }
  if (is_authenticator_app(method)) {
    return registered.methods.contains(MethodType::kAppCode) ||
           registered.methods.contains(MethodType::kAppNotification);
  }
  return registered.methods.contains(method);
}

}  // namespace

bool is_trial(const TenantTrialFacts& tenant, TimePoint now) {
  return tenant.domain_count <= 1 && !tenant.has_synced_users &&
         now - tenant.created < Days(kTrialDays);
}

RegistrationStatus registration_status(const SsprPolicy& policy, bool is_admin,
                                       const RegisteredMethods& registered,
                                       const TenantTrialFacts& tenant, TimePoint now) {
  RegistrationStatus status;
  status.admin_policy = is_admin;
  const MethodSet& allowed = is_admin ? admin_methods() : policy.methods;
  status.methods_required =
      is_admin ? (is_trial(tenant, now) ? 1 : kAdminMethodsRequired) : policy.methods_required;

  MethodSet usable;
  for (auto method : all_methods()) {
    if (!allowed.contains(method)) continue;
    if (has_data_for(method, registered, policy.questions_to_register)) {
      usable.insert(method);
      status.usable.push_back(method);
    } else {
      status.registrable.push_back(method);
    }
  }
  if (!is_admin && allowed.contains(MethodType::kSecurityQuestions) &&
      !usable.contains(MethodType::kSecurityQuestions)) {
    status.security_questions_missing =
        policy.questions_to_register - std::max(0, registered.security_questions_registered);
  }
  status.methods_counted = distinct_method_count(usable);
  status.methods_missing = std::max(0, status.methods_required - status.methods_counted);
  status.registered = status.methods_missing == 0;

  // Confirming is asked of security info on file; with nothing on file, adding comes first.
  const bool on_file = !registered.methods.empty() || registered.security_questions_registered > 0;
  if (!is_admin && policy.require_registration && policy.reconfirm_days > 0 && on_file) {
    status.reconfirm_due = !registered.last_confirmed ||
                           now - *registered.last_confirmed >= Days(policy.reconfirm_days);
  }
  return status;
}

}  // namespace sspr::domain::policy
