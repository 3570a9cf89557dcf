#include "domain/eligibility/check_explanation.h"

#include <algorithm>

#include "domain/license_sku.h"
#include "domain/policy/method_type.h"

namespace sspr::domain::eligibility {
namespace {

using policy::SsprEnabled;

Explanation text(std::string key) { return Explanation{std::move(key), {}}; }

Explanation registration_fix(const EligibilityFacts& facts) {
  const auto& status = facts.registration;
  return Explanation{status.admin_policy ? "diagnose.fix.EnoughRegisteredMethods.admin"
                                         : "diagnose.fix.EnoughRegisteredMethods",
                     {{"counted", status.methods_counted},
                      {"required", status.methods_required},
                      {"registered", method_list(status.usable)},
                      {"missing", status.methods_missing},
                      {"registrable", method_list(status.registrable)}}};
}

}  // namespace

MethodList method_list(const std::vector<methods::MethodType>& types) {
  MethodList list;
  bool app_named = false;
  for (auto type : types) {
    if (policy::is_authenticator_app(type)) {
      if (app_named) continue;
      app_named = true;
    }
    list.items.push_back(type);
  }
  return list;
}

std::string example_sku(UserSource source) {
  for (const auto& sku : all_license_skus()) {
    if (source == UserSource::kSynced ? sku.sspr_for_synced_users : sku.sspr_for_cloud_users) {
      return std::string(sku.id);
    }
  }
  return "";
}

std::optional<Explanation> reason_of(const CheckOutcome& outcome, const EligibilityFacts& facts) {
  if (outcome.result == CheckResult::kNotReached) return text("diagnose.reason.NotReached");
  if (outcome.result != CheckResult::kNotApplicable) return std::nullopt;
  switch (outcome.check) {
    case EligibilityCheck::kTenantSsprEnabled:
    case EligibilityCheck::kPolicyConfigured:
    case EligibilityCheck::kInScopedGroup:
    case EligibilityCheck::kLicensed:
      if (facts.is_admin) return text("diagnose.reason.Administrator");
      if (!facts.policy) return text("diagnose.reason.NoPolicy");
      return Explanation{"diagnose.reason.NotScoped",
                         {{"enabled", std::string(policy::enabled_name(facts.policy->enabled))}}};
    case EligibilityCheck::kWritebackForSyncedUser:
      return text("diagnose.reason.CloudUser");
    case EligibilityCheck::kAccountExists:
    case EligibilityCheck::kEnoughRegisteredMethods:
      break;
  }
  return std::nullopt;
}

std::optional<Explanation> fix_of(const CheckOutcome& outcome, const EligibilityFacts& facts,
                                  const std::string& tenant) {
  if (outcome.result != CheckResult::kFailed) return std::nullopt;
  switch (outcome.check) {
    case EligibilityCheck::kAccountExists:
      return text("diagnose.fix.AccountDisabled");
    case EligibilityCheck::kTenantSsprEnabled:
      return Explanation{"diagnose.fix.TenantSsprEnabled", {{"tenant", tenant}}};
    case EligibilityCheck::kPolicyConfigured:
      return Explanation{"diagnose.fix.PolicyConfigured", {{"tenant", tenant}}};
    case EligibilityCheck::kInScopedGroup:
      if (facts.scoped_group_name.empty()) {
        return Explanation{"diagnose.fix.InScopedGroupMissing", {{"tenant", tenant}}};
      }
      return Explanation{"diagnose.fix.InScopedGroup", {{"group", facts.scoped_group_name}}};
    case EligibilityCheck::kLicensed:
      return Explanation{facts.source == UserSource::kSynced ? "diagnose.fix.Licensed.synced"
                                                             : "diagnose.fix.Licensed.cloud",
                         {{"sku", example_sku(facts.source)}, {"held", TextList{facts.skus}}}};
    case EligibilityCheck::kWritebackForSyncedUser:
      return Explanation{"diagnose.fix.WritebackForSyncedUser", {{"tenant", tenant}}};
    case EligibilityCheck::kEnoughRegisteredMethods:
      return registration_fix(facts);
  }
  return std::nullopt;
}

Explanation applicable_policy(const EligibilityFacts& facts) {
  if (facts.is_admin) {
    return text(facts.registration.methods_required < policy::kAdminMethodsRequired
                    ? "diagnose.policy.admin_trial"
                    : "diagnose.policy.admin");
  }
  if (!facts.policy) return text("diagnose.policy.never_configured");
  std::vector<methods::MethodType> allowed(facts.policy->methods.begin(),
                                           facts.policy->methods.end());
  return Explanation{"diagnose.policy.tenant",
                     {{"enabled", std::string(policy::enabled_name(facts.policy->enabled))},
                      {"required", facts.policy->methods_required},
                      {"methods", method_list(allowed)}}};
}

}  // namespace sspr::domain::eligibility
