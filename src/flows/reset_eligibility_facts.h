#pragma once
// Gathers what the reset checks of SPEC §4 need about one user (issue 5), inside the caller's
// transaction: the account, administrator roles, the tenant policy, scoped group membership,
// effective licences and the registration status under the policy that applies (the fixed
// administrator policy of SPEC §6 for administrators, with the tenant's trial facts).
// The reset flow and diagnose (issue 7) both use it.

#include <optional>

#include "domain/clock.h"
#include "domain/eligibility/reset_eligibility.h"
#include "domain/methods/registered_method.h"
#include "domain/tenant.h"
#include "domain/user.h"
#include "store/store.h"

namespace sspr::flows {

struct ResetEligibilityFacts {
  std::optional<domain::User> user;  // nullopt: no account with that UPN
  domain::eligibility::EligibilityFacts facts;
  domain::policy::SsprPolicy policy;  // the tenant's, defaults when never saved
  std::vector<domain::methods::RegisteredMethod> methods;
  int security_questions_registered = 0;
  std::optional<domain::Tenant> tenant;  // its name and domains; nullopt: deleted meanwhile
};

// `upn` as typed; it is looked up as the store normalises it.
ResetEligibilityFacts gather_reset_eligibility_facts(store::StoreTransaction& tx,
                                                     const domain::Clock& clock,
                                                     const std::string& upn);

// The same for a known user.
ResetEligibilityFacts gather_reset_eligibility_facts(store::StoreTransaction& tx,
                                                     const domain::Clock& clock,
                                                     const domain::User& user);

// What a step in the middle of a started flow needs (its gates, issue 5): the account, the
// tenant policy, the administrator roles, the methods and answers on file and the usable
// methods under the policy that applies. Fewer reads than the full gathering: the scoped
// group, the licences and the registration record are left out (facts.member_of_scoped_group,
// facts.skus, facts.scoped_group_name and the last confirmation stay unset), so the result
// serves no §4 check; start decided those, and they are not what a gate depends on.
ResetEligibilityFacts gather_reset_step_facts(store::StoreTransaction& tx,
                                              const domain::Clock& clock, const domain::User& user);

}  // namespace sspr::flows
