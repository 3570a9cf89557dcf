#include "domain/eligibility/tenant_findings.h"

#include <algorithm>
#include <unordered_map>

#include "domain/eligibility/check_explanation.h"
#include "domain/eligibility/eligibility_errors.h"
#include "domain/eligibility/group_reach.h"
#include "domain/license_sku.h"
#include "domain/policy/method_type.h"
#include "domain/throttling/throttled_error.h"

namespace sspr::domain::eligibility {
namespace {

using policy::SsprEnabled;

// Users with one problem: how many, and the first few (in the order the facts list them).
struct Affected {
  std::size_t count = 0;
  std::vector<std::string> examples;

  void add(const std::string& upn) {
    ++count;
    if (examples.size() < kFindingExamples) examples.push_back(upn);
  }
};

TenantFinding finding(std::string id, FindingSeverity severity, std::optional<Error> error,
                      const Affected& affected, Explanation text, Explanation fix) {
  return TenantFinding{std::move(id),     severity,        std::move(error), affected.count,
                       affected.examples, std::move(text), std::move(fix)};
}

Explanation keyed(const std::string& prefix, const std::string& id,
                  std::vector<std::pair<std::string, ExplanationValue>> params = {}) {
  return Explanation{prefix + id, std::move(params)};
}

}  // namespace

std::string_view severity_name(FindingSeverity severity) {
  return severity == FindingSeverity::kBlocking ? "blocking" : "warning";
}

bool TenantDiagnosis::blocks_users() const {
  return std::any_of(findings.begin(), findings.end(), [](const TenantFinding& f) {
    return f.severity == FindingSeverity::kBlocking;
  });
}

TenantDiagnosis diagnose_tenant(const TenantFacts& facts,
                                std::chrono::system_clock::time_point now) {
  const policy::SsprPolicy applied = facts.policy.value_or(policy::SsprPolicy{});
  const bool selected = facts.policy && facts.policy->enabled == SsprEnabled::kSelected;
  const bool group_gone = selected && (!facts.policy->group_id || !facts.scoped_group);
  GroupReachIndex groups(facts, selected && !group_gone ? facts.policy->group_id : std::nullopt);

  policy::TenantTrialFacts trial = facts.trial;
  trial.has_synced_users = std::any_of(facts.users.begin(), facts.users.end(), [](const auto& u) {
    return u.source == UserSource::kSynced;
  });
  const bool writeback = facts.policy && facts.policy->writeback;

  TenantDiagnosis out;
  Affected tenant_wide;  // non-administrators blocked by the policy itself
  Affected unlicensed, synced_without_writeback, unregistered, admins_unregistered, blocked;
  policy::MethodSet usable_in_scope;
  for (const auto& user : facts.users) {
    if (!user.enabled) continue;
    ++out.users;
    const GroupReach reach = groups.of_all(user.direct_groups);
    const auto status =
        policy::registration_status(applied, user.is_admin, user.registered, trial, now);
    const bool synced = user.source == UserSource::kSynced;
    const bool writeback_ok = !synced || writeback;
    if (user.throttle_blocked) blocked.add(user.upn);
    if (user.is_admin) {
      ++out.administrators;
      if (!writeback_ok) synced_without_writeback.add(user.upn);
      if (!status.registered) admins_unregistered.add(user.upn);
      if (writeback_ok && status.registered && !user.throttle_blocked) {
        ++out.administrators_can_reset;
      }
      continue;
    }
    if (!facts.policy || facts.policy->enabled == SsprEnabled::kNone || group_gone) {
      tenant_wide.add(user.upn);
      continue;
    }
    if (selected && !reach.in_scope) continue;
    ++out.users_in_scope;
    const bool licensed = grants_sspr(user.direct_skus, user.source) ||
                          (synced ? reach.grants_synced : reach.grants_cloud);
    if (!licensed) unlicensed.add(user.upn);
    if (!writeback_ok) synced_without_writeback.add(user.upn);
    if (!status.registered) unregistered.add(user.upn);
    usable_in_scope.insert(status.usable.begin(), status.usable.end());
    if (licensed && writeback_ok && status.registered && !user.throttle_blocked) {
      ++out.users_can_reset;
    }
  }

  const auto blocking = FindingSeverity::kBlocking;
  const std::vector<std::pair<std::string, ExplanationValue>> tenant_param = {
      {"tenant", facts.domain}};
  auto add = [&](const std::string& id, FindingSeverity severity, std::optional<Error> error,
                 const Affected& affected,
                 std::vector<std::pair<std::string, ExplanationValue>> params) {
    out.findings.push_back(finding(id, severity, std::move(error), affected,
                                   keyed("diagnose.finding.", id, params),
                                   keyed("diagnose.tenant_fix.", id, params)));
  };

  if (!facts.policy) {
    add("PolicyNeverConfigured", blocking, sspr_not_enabled_in_user_policy(), tenant_wide,
        tenant_param);
  } else if (facts.policy->enabled == SsprEnabled::kNone) {
    add("SsprDisabled", blocking, tenant_sspr_disabled(), tenant_wide, tenant_param);
  } else if (group_gone) {
    add("ScopedGroupMissing", blocking,
        user_not_member_of_scoped_group("the group of the policy no longer exists"), tenant_wide,
        tenant_param);
  } else if (selected && out.users_in_scope == 0) {
    Affected everyone;
    for (const auto& user : facts.users) {
      if (user.enabled && !user.is_admin) everyone.add(user.upn);
    }
    add("ScopedGroupEmpty", blocking,
        user_not_member_of_scoped_group("the group '" + *facts.scoped_group +
                                        "' has no user members, directly or nested"),
        everyone, {{"group", *facts.scoped_group}});
  }
  if (unlicensed.count > 0) {
    add("UsersUnlicensed", blocking,
        user_not_licensed("no licence held grants self-service reset to these users"), unlicensed,
        {{"synced_sku", example_sku(UserSource::kSynced)},
         {"cloud_sku", example_sku(UserSource::kCloud)}});
  }
  if (synced_without_writeback.count > 0) {
    add("SyncedWithoutWriteback", blocking, writeback_not_enabled(), synced_without_writeback,
        tenant_param);
  }
  if (out.users_in_scope > 0 &&
      policy::distinct_method_count(usable_in_scope) < applied.methods_required) {
    std::vector<methods::MethodType> allowed, registered, unused;
    for (auto type : policy::all_methods()) {
      if (!applied.methods.contains(type)) continue;
      allowed.push_back(type);
      (usable_in_scope.contains(type) ? registered : unused).push_back(type);
    }
    add("PolicyUnsatisfiable", blocking,
        user_not_properly_configured("no user in scope has registered enough of the methods the "
                                     "policy allows"),
        unregistered,
        {{"required", applied.methods_required},
         {"methods", method_list(allowed)},
         {"registered", method_list(registered)},
         {"unused", method_list(unused)}});
  }
  if (unregistered.count > 0) {
    add("UsersNotRegistered", blocking,
        user_not_properly_configured("not enough registered methods for the tenant's policy"),
        unregistered, {{"required", applied.methods_required}});
  }
  if (admins_unregistered.count > 0) {
    add("AdminsNotRegistered", blocking,
        user_not_properly_configured("not enough registered methods for the administrators' "
                                     "policy"),
        admins_unregistered, {{"required", policy::kAdminMethodsRequired}});
  }
  if (blocked.count > 0) {
    add("UsersBlocked", FindingSeverity::kWarning,
        throttling::throttled_blocked(throttling::ThrottledAction::kResetAttempt), blocked, {});
  }
  return out;
}

}  // namespace sspr::domain::eligibility
