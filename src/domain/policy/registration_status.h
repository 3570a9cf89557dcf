#pragma once
// Whether a user is registered for self-service password reset (SPEC §3, §6): enough
// distinct usable methods for the policy that applies to them, and whether their information
// is due for reconfirmation. Pure; used by the registration page and the reset checks.
//
// Decisions:
// - The authenticator app is one method. A registered app is recorded as `app_code`; it is
//   usable as `app_code` when the policy allows that, and as `app_notification` when the
//   policy allows that, but it counts once either way.
// - Security questions count only when at least `questions_to_register` answers are saved.
// - Administrators (any role): the tenant policy is ignored (SPEC §6). Two methods among
//   email, mobile phone, office phone and the authenticator app's code; never security
//   questions; reconfirmation does not apply. One method is enough only in a trial: the tenant
//   has no custom domain, no synced users and is less than 30 days old. Our tenants have no
//   separate "initial" domain, so the tenant's first domain counts as the initial one and
//   any further domain as custom.

#include <chrono>
#include <cstddef>
#include <optional>
#include <vector>

#include "domain/policy/method_type.h"
#include "domain/policy/sspr_policy.h"

namespace sspr::domain::policy {

using TimePoint = std::chrono::system_clock::time_point;

inline constexpr int kAdminMethodsRequired = 2;
inline constexpr int kTrialDays = 30;

struct RegisteredMethods {
  MethodSet methods;  // types with data on file (an authenticator app as kAppCode)
  int security_questions_registered = 0;
  std::optional<TimePoint> last_confirmed;  // when the user last saved or confirmed them
};

struct TenantTrialFacts {
  std::size_t domain_count = 1;  // the first domain is the initial one
  bool has_synced_users = false;
  TimePoint created;
};

// Whether the tenant is in the trial of SPEC §6 at `now`.
bool is_trial(const TenantTrialFacts& tenant, TimePoint now);

struct RegistrationStatus {
  bool registered = false;
  bool admin_policy = false;  // the fixed administrator policy applied
  int methods_required = 1;
  int methods_counted = 0;              // distinct usable methods (the app once)
  int methods_missing = 0;              // methods_required - methods_counted, at least 0
  std::vector<MethodType> usable;       // allowed and complete, in declaration order
  std::vector<MethodType> registrable;  // allowed, not usable yet: what the user could add
  int security_questions_missing = 0;   // answers still needed when questions are allowed
  bool reconfirm_due = false;           // something on file, not confirmed within reconfirm_days
};

RegistrationStatus registration_status(const SsprPolicy& policy, bool is_admin,
                                       const RegisteredMethods& registered,
                                       const TenantTrialFacts& tenant, TimePoint now);

}  // namespace sspr::domain::policy
