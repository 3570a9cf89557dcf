#pragma once
// Use cases of password protection (SPEC §8): a tenant's custom banned password list, and
// evaluating a candidate password against the tenant's whole policy with an explanation.
//
// Changes need Permission::kManagePolicy, reading and evaluating kReadDirectory. A change is
// validated as a whole (BannedTermList::custom: at most 1,000 terms of 4 to 16 characters
// after normalisation) and committed with its audit record (category Policy; the terms are
// in the details: they are not secrets), or nothing is written. The candidate password of
// evaluate() is never stored, logged or audited.

#include <optional>
#include <string>
#include <vector>

#include "domain/actor.h"
#include "domain/clock.h"
#include "domain/password/password_policy.h"
#include "domain/password_strength.h"
#include "domain/random.h"
#include "domain/result.h"
#include "domain/tenant.h"
#include "flows/tenant_password_rules.h"
#include "store/store.h"

namespace sspr::flows {

struct PasswordAssessment {
  domain::password::PasswordEvaluation evaluation;
  std::optional<domain::PasswordStrength> strength;  // when an estimator is configured
};

class PasswordProtection {
 public:
  // `strength` may be null (no strength estimate in assessments).
  // `breached` may be null (no breached-password filter loaded).
  PasswordProtection(store::Store& store, const domain::Clock& clock, domain::Random& random,
                     const domain::PasswordStrengthEstimator* strength = nullptr,
                     const domain::password::BreachedPasswordList* breached = nullptr);

  // The tenant's custom terms (normalised), sorted.
  domain::Result<std::vector<std::string>> list_terms(const domain::Actor& actor,
                                                      domain::TenantId tenant);
  // Adds terms (normalised first; ones already in the list are skipped) and returns the new
  // list. Two given terms equal after normalisation are an error.
  domain::Result<std::vector<std::string>> add_terms(const domain::Actor& actor,
                                                     const domain::RequestContext& ctx,
                                                     domain::TenantId tenant,
                                                     const std::vector<std::string>& terms);
  // Removes terms (normalised first) and returns the new list; a term not in the list is
  // NotFound and nothing is removed.
  domain::Result<std::vector<std::string>> remove_terms(const domain::Actor& actor,
                                                        const domain::RequestContext& ctx,
                                                        domain::TenantId tenant,
                                                        const std::vector<std::string>& terms);

  // Evaluates `candidate` with the tenant's policy; `upn` (a user of the tenant) adds the
  // user-name rule. Writes nothing.
  domain::Result<PasswordAssessment> evaluate(
      const domain::Actor& actor, domain::TenantId tenant, const std::optional<std::string>& upn,
      const std::string& candidate,
      domain::password::PasswordChange kind = domain::password::PasswordChange::kAdminSet);

 private:
  store::Store& store_;
  const domain::Clock& clock_;
  domain::Random& random_;
  const domain::PasswordStrengthEstimator* strength_;
  TenantPasswordRules password_rules_;
};

}  // namespace sspr::flows
