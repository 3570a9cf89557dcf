#pragma once
// Diagnose (SPEC §12, issue 7): why a user can or cannot reset their password, and what keeps
// a tenant's users from resetting. Read-only; one store transaction per call.
//
// A user's diagnosis runs the seven checks of SPEC §4 on the very facts the reset flow
// gathers (reset_eligibility_facts.h), so its first failure is the error the flow returns;
// then the throttling state of SPEC §7 as its own finding (ThrottledBlocked), which the flow
// checks after the seven. Each failure carries the user's error and the administrator's fix;
// each check that did not apply says why. Methods appear masked only.
//
// A tenant's diagnosis reads every user, membership, licence, role and method of the tenant
// in a handful of bulk queries and leaves the findings to domain/eligibility/tenant_findings.
//
// Who may: kReadAudit ("audit log, reports, diagnose") in the tenant; a user or tenant of
// another tenant is not found.

#include <optional>
#include <string>
#include <vector>

#include "domain/actor.h"
#include "domain/clock.h"
#include "domain/eligibility/explanation.h"
#include "domain/eligibility/reset_eligibility.h"
#include "domain/eligibility/tenant_findings.h"
#include "domain/methods/registered_method.h"
#include "domain/onprem/connection_status.h"
#include "domain/result.h"
#include "domain/tenant.h"
#include "domain/user.h"
#include "store/store.h"

namespace sspr::flows {

struct DiagnosedCheck {
  int number = 0;  // 1-7, SPEC §4's order
  domain::eligibility::EligibilityCheck check;
  domain::eligibility::CheckResult result = domain::eligibility::CheckResult::kNotReached;
  std::optional<domain::Error> error;                      // when failed
  std::optional<domain::eligibility::Explanation> reason;  // when not applicable / not reached
  std::optional<domain::eligibility::Explanation> fix;     // when failed
};

// The throttling of SPEC §7 as the reset flow's start would apply it now.
struct ThrottleState {
  std::optional<std::string> blocked_until;  // ISO 8601, while a block is in force
  int reset_attempts = 0;                    // in the last hour
  int reset_attempt_limit = 0;
  bool refused = false;                // the next start would be refused
  std::optional<domain::Error> error;  // ThrottledBlocked, when refused
  std::optional<domain::eligibility::Explanation> fix;
};

struct DiagnosedMethod {
  domain::methods::MethodType type = domain::methods::MethodType::kEmail;
  std::string masked;  // "+45 XXXXXX56", "a•••@example.org"; "" for the app
  domain::methods::MethodSource source = domain::methods::MethodSource::kUser;
};

struct UserDiagnosis {
  domain::User user;
  std::string tenant_domain;  // the tenant's first domain
  std::vector<std::string> roles;
  domain::eligibility::EligibilityFacts facts;
  domain::eligibility::Explanation policy;  // which policy applies, and why
  std::vector<DiagnosedMethod> methods;
  int security_questions_registered = 0;
  std::vector<DiagnosedCheck> checks;  // all seven, in order
  ThrottleState throttle;

  // The error the reset flow would return now (a failed check first, then throttling);
  // nullopt when the user can reset.
  std::optional<domain::Error> blocking_error() const;
  bool can_reset() const { return !blocking_error().has_value(); }
};

struct TenantDiagnosisView {
  domain::Tenant tenant;
  std::optional<domain::policy::SsprPolicy> policy;
  std::optional<std::string> scoped_group;  // the name of the policy's group, when it exists
  domain::eligibility::TenantDiagnosis diagnosis;
  // The on-premises connection's last observed status (test, sync, writeback); nullopt when
  // the tenant has no connection or it was never checked.
  std::optional<domain::onprem::ConnectionStatus> onprem_status = std::nullopt;
};

class ResetDiagnosis {
 public:
  ResetDiagnosis(store::Store& store, const domain::Clock& clock);

  // NotFound (exit 2, HTTP 404) when no user of the actor's tenants has that UPN.
  domain::Result<UserDiagnosis> diagnose_user(const domain::Actor& actor, const std::string& upn);
  domain::Result<TenantDiagnosisView> diagnose_tenant(const domain::Actor& actor,
                                                      domain::TenantId tenant);

 private:
  store::Store& store_;
  const domain::Clock& clock_;
};

}  // namespace sspr::flows
