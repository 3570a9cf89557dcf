#pragma once
// What diagnose (SPEC §12) says about each check of SPEC §4 beyond pass or fail: why a check
// did not apply, the fix an administrator can apply for a failed one in the user's own terms
// ("add the user to group SSPR Users (directly or through a nested group)"), and which policy
// applies to the user. Pure: the facts are those the reset flow uses
// (reset_eligibility.h), so diagnose explains exactly what the flow decides.

#include <optional>
#include <string>

#include "domain/eligibility/explanation.h"
#include "domain/eligibility/reset_eligibility.h"

namespace sspr::domain::eligibility {

// Why `outcome` was not applicable or not reached ("diagnose.reason.*"); nullopt when the
// check was evaluated (passed or failed).
std::optional<Explanation> reason_of(const CheckOutcome& outcome, const EligibilityFacts& facts);

// The administrator's fix for a failed check ("diagnose.fix.*"), with the user's group,
// licences and methods filled in; nullopt when the check did not fail. `tenant` is the
// tenant's domain, for the commands the fix names.
std::optional<Explanation> fix_of(const CheckOutcome& outcome, const EligibilityFacts& facts,
                                  const std::string& tenant);

// Which policy decides the user's registration ("diagnose.policy.*"): the tenant's (with its
// method count and methods), the administrators' fixed two-gate policy, its one-gate trial
// form, or none saved.
Explanation applicable_policy(const EligibilityFacts& facts);

// The first SKU (in catalogue order) that grants self-service reset to users of `source`:
// the example a licence fix names ("PREMIUM_P1" for synced users).
std::string example_sku(UserSource source);

// Methods for an explanation: the app's code and notification are one method, named once.
MethodList method_list(const std::vector<methods::MethodType>& types);

}  // namespace sspr::domain::eligibility
