#include "flows/reset_diagnosis.h"

#include <algorithm>
#include <unordered_map>

#include "domain/eligibility/check_explanation.h"
#include "domain/methods/email_address.h"
#include "domain/methods/phone_number.h"
#include "domain/throttling/sspr_throttle.h"
#include "domain/throttling/throttled_error.h"
#include "flows/directory_access.h"
#include "flows/reset_eligibility_facts.h"
#include "flows/tenant_facts.h"

namespace sspr::flows {
namespace {

namespace de = domain::eligibility;
namespace dm = domain::methods;
namespace dt = domain::throttling;
using domain::Permission;
using domain::Result;
using domain::Status;

constexpr std::string_view kUserKeyPrefix = "user:";

std::string user_key(domain::UserId user) {
  return std::string(kUserKeyPrefix) + std::to_string(user);
}

std::string first_domain(store::StoreTransaction& tx, domain::TenantId tenant) {
  auto found = tx.find_tenant(tenant);
  return found && !found->domains.empty() ? found->domains.front() : std::string();
}

DiagnosedMethod diagnosed(const dm::RegisteredMethod& method) {
  DiagnosedMethod out{method.type, "", method.source};
  if (method.type == dm::MethodType::kMobilePhone || method.type == dm::MethodType::kOfficePhone) {
    out.masked = dm::masked_phone_number(method.value);
  } else if (method.type == dm::MethodType::kEmail) {
    out.masked = dm::EmailAddress{method.value}.masked();
  }
  return out;
}

// The reset flow's throttle decision for a start now, read without recording anything.
ThrottleState throttle_state(store::StoreTransaction& tx, domain::UserId user,
                             std::chrono::system_clock::time_point now) {
  const auto key = user_key(user);
  const auto action = dt::ThrottledAction::kResetAttempt;
  const auto limit = dt::limit_of(action);
  ThrottleState out;
  out.reset_attempt_limit = limit.max_attempts;
  std::optional<dt::TimePoint> blocked_until;
  if (auto block = tx.throttle_block(key); !block.empty()) {
    blocked_until = domain::parse_iso8601(block);
  }
  if (dt::is_blocked(blocked_until, now)) out.blocked_until = domain::to_iso8601(*blocked_until);
  out.reset_attempts = tx.count_throttle_attempts(key, std::string(dt::action_name(action)),
                                                  domain::to_iso8601(now - limit.window));
  out.refused = !dt::decide(action, out.reset_attempts, blocked_until, now).allowed;
  if (out.refused) {
    out.error = dt::throttled_blocked(action);
    if (out.blocked_until) {
      out.fix = de::Explanation{"diagnose.fix.ThrottledBlocked", {{"until", *out.blocked_until}}};
    } else {
      out.fix =
          de::Explanation{"diagnose.fix.ThrottledLimitReached", {{"attempts", out.reset_attempts}}};
    }
  }
  return out;
}

}  // namespace

std::optional<domain::Error> UserDiagnosis::blocking_error() const {
  for (const auto& check : checks) {
    if (check.result == de::CheckResult::kFailed) return check.error;
  }
  return throttle.error;
}

ResetDiagnosis::ResetDiagnosis(store::Store& store, const domain::Clock& clock)
    : store_(store), clock_(clock) {}

Result<UserDiagnosis> ResetDiagnosis::diagnose_user(const domain::Actor& actor,
                                                    const std::string& upn) {
  std::optional<UserDiagnosis> out;
  auto status = store_.transact([&](store::StoreTransaction& tx) -> Status {
    auto user = detail::find_user(tx, actor, upn, Permission::kReadAudit);
    if (!user) return user.error();
    const auto gathered = gather_reset_eligibility_facts(tx, clock_, *user);
    UserDiagnosis diagnosis;
    diagnosis.user = *user;
    diagnosis.tenant_domain = first_domain(tx, user->tenant_id);
    diagnosis.roles = tx.roles_of_user(user->id);
    diagnosis.facts = gathered.facts;
    diagnosis.policy = de::applicable_policy(gathered.facts);
    for (const auto& method : gathered.methods) diagnosis.methods.push_back(diagnosed(method));
    diagnosis.security_questions_registered = gathered.security_questions_registered;
    const auto report = de::check_reset_eligibility(gathered.facts);
    int number = 0;
    for (const auto& outcome : report.checks) {
      diagnosis.checks.push_back({++number, outcome.check, outcome.result, outcome.error,
                                  de::reason_of(outcome, gathered.facts),
                                  de::fix_of(outcome, gathered.facts, diagnosis.tenant_domain)});
    }
    diagnosis.throttle = throttle_state(tx, user->id, clock_.now());
    out = std::move(diagnosis);
    return domain::ok_status();
  });
  if (!status) return status.error();
  return std::move(*out);
}

Result<TenantDiagnosisView> ResetDiagnosis::diagnose_tenant(const domain::Actor& actor,
                                                            domain::TenantId tenant_id) {
  std::optional<TenantDiagnosisView> out;
  auto status = store_.transact([&](store::StoreTransaction& tx) -> Status {
    auto tenant = detail::find_tenant(tx, actor, tenant_id, Permission::kReadAudit);
    if (!tenant) return tenant.error();
    const auto now = clock_.now();
    TenantDiagnosisView view;
    view.tenant = *tenant;
    view.policy = tx.find_sspr_policy(tenant->id);
    if (view.policy && view.policy->group_id) {
      auto group = tx.find_group(*view.policy->group_id);
      if (group && group->tenant_id == tenant->id) view.scoped_group = group->name;
    }
    const auto facts = gather_tenant_facts(tx, *tenant, view.policy, view.scoped_group, now).facts;
    view.diagnosis = de::diagnose_tenant(facts, now);
    if (tx.find_onprem_connection(tenant->id))
      view.onprem_status = tx.find_onprem_status(tenant->id);
    out = std::move(view);
    return domain::ok_status();
  });
  if (!status) return status.error();
  return std::move(*out);
}

}  // namespace sspr::flows
