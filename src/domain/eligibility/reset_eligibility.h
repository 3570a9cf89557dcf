#pragma once
// Who may reset (SPEC §4): the checks in their fixed order, each with its outcome, the error
// the user would see and the fix an administrator can apply. The reset flow stops at the
// first failure; diagnose (SPEC §12) shows them all.
//
// Administrators (any role, §6) are not subject to the tenant's policy or licences: checks
// 2–5 do not apply to them, and check 7 uses the fixed administrator policy (the caller
// computes `registration` with the policy that applies — policy::registration_status).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.h"
#include "domain/policy/registration_status.h"
#include "domain/policy/sspr_policy.h"
#include "domain/user.h"

namespace sspr::domain::eligibility {

enum class EligibilityCheck {
  kAccountExists,            // 1: known user ID, enabled account
  kTenantSsprEnabled,        // 2: policy not "none"
  kPolicyConfigured,         // 3: a policy was ever saved
  kInScopedGroup,            // 4: "selected": member of the group (nested)
  kLicensed,                 // 5: a licence granting SSPR to users of this source
  kWritebackForSyncedUser,   // 6: on-premises password and writeback on
  kEnoughRegisteredMethods,  // 7: registered for the applicable policy
};

// "AccountExists", "TenantSsprEnabled", ...: stable names for JSON and message keys.
std::string_view check_name(EligibilityCheck check);

// Everything the checks need, gathered by the caller from the store.
struct EligibilityFacts {
  bool account_found = false;
  bool account_enabled = false;
  bool is_admin = false;
  UserSource source = UserSource::kCloud;
  std::optional<policy::SsprPolicy> policy;  // nullopt: never configured
  bool member_of_scoped_group = false;       // of policy->group_id, nested membership
  std::string scoped_group_name;             // for the explanation
  std::vector<std::string> skus;             // effective SKUs (direct and through groups)
  policy::RegistrationStatus registration;   // under the applicable policy
};

enum class CheckResult { kPassed, kFailed, kNotApplicable, kNotReached };

struct CheckOutcome {
  EligibilityCheck check;
  CheckResult result = CheckResult::kNotReached;
  std::optional<Error> error;  // the error the user gets, when failed
  // Key of the administrator's fix ("fix.<CheckName>"), when failed; "" otherwise.
  std::string fix_key;
};

struct EligibilityReport {
  std::vector<CheckOutcome> checks;  // all seven, in order

  // The first failed check's error: what the user sees. nullopt when they may reset.
  std::optional<Error> blocking_error() const;
  bool eligible() const { return !blocking_error().has_value(); }
};

// Runs every check in order. After the first failure the remaining checks are still
// evaluated for diagnose (a failed account check stops everything: nothing is known).
EligibilityReport check_reset_eligibility(const EligibilityFacts& facts);

}  // namespace sspr::domain::eligibility
