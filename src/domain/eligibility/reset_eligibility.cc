#include "domain/eligibility/reset_eligibility.h"

#include "domain/eligibility/eligibility_errors.h"
#include "domain/license_sku.h"

namespace sspr::domain::eligibility {

namespace {

using policy::SsprEnabled;

constexpr EligibilityCheck kOrder[] = {EligibilityCheck::kAccountExists,
                                       EligibilityCheck::kTenantSsprEnabled,
                                       EligibilityCheck::kPolicyConfigured,
                                       EligibilityCheck::kInScopedGroup,
                                       EligibilityCheck::kLicensed,
                                       EligibilityCheck::kWritebackForSyncedUser,
                                       EligibilityCheck::kEnoughRegisteredMethods};

CheckOutcome passed(EligibilityCheck check) { return {check, CheckResult::kPassed, {}, ""}; }

CheckOutcome not_applicable(EligibilityCheck check) {
  return {check, CheckResult::kNotApplicable, {}, ""};
}

CheckOutcome failed(EligibilityCheck check, Error error) {
  return {check, CheckResult::kFailed, std::move(error), "fix." + std::string(check_name(check))};
}

std::string source_name(UserSource source) {
  return source == UserSource::kSynced ? "synced" : "cloud-only";
}

std::string joined(const std::vector<std::string>& items) {
  if (items.empty()) return "none";
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

CheckOutcome evaluate(EligibilityCheck check, const EligibilityFacts& facts) {
  const bool tenant_rules = !facts.is_admin;  // §6: admins follow the fixed policy only
  switch (check) {
    case EligibilityCheck::kAccountExists:
      if (!facts.account_found) return failed(check, account_unavailable("unknown user ID"));
      if (!facts.account_enabled) return failed(check, account_unavailable("account disabled"));
      return passed(check);
    case EligibilityCheck::kTenantSsprEnabled:
      if (!tenant_rules || !facts.policy) return not_applicable(check);
      if (facts.policy->enabled == SsprEnabled::kNone) {
        return failed(check, tenant_sspr_disabled());
      }
      return passed(check);
    case EligibilityCheck::kPolicyConfigured:
      if (!tenant_rules) return not_applicable(check);
      if (!facts.policy) return failed(check, sspr_not_enabled_in_user_policy());
      return passed(check);
    case EligibilityCheck::kInScopedGroup:
      if (!tenant_rules || !facts.policy || facts.policy->enabled != SsprEnabled::kSelected) {
        return not_applicable(check);
      }
      if (!facts.member_of_scoped_group) {
        return failed(check,
                      user_not_member_of_scoped_group(
                          "the user is not a member (directly or through nested groups) "
                          "of the group '" +
                          facts.scoped_group_name + "' that self-service reset is scoped to"));
      }
      return passed(check);
    case EligibilityCheck::kLicensed:
      if (!tenant_rules) return not_applicable(check);
      if (!grants_sspr(facts.skus, facts.source)) {
        return failed(check, user_not_licensed("no licence held grants self-service reset to " +
                                               source_name(facts.source) +
                                               " users (held: " + joined(facts.skus) + ")"));
      }
      return passed(check);
    case EligibilityCheck::kWritebackForSyncedUser:
      if (facts.source != UserSource::kSynced) return not_applicable(check);
      if (!facts.policy || !facts.policy->writeback) return failed(check, writeback_not_enabled());
      return passed(check);
    case EligibilityCheck::kEnoughRegisteredMethods: {
      const auto& status = facts.registration;
      if (status.registered) return passed(check);
      std::string detail = "the user has " + std::to_string(status.methods_counted) + " of " +
                           std::to_string(status.methods_required) + " required methods registered";
      if (status.admin_policy) detail += " (administrator policy)";
      if (status.security_questions_missing > 0) {
        detail += "; " + std::to_string(status.security_questions_missing) +
                  " more security answers needed";
      }
      return failed(check, user_not_properly_configured(detail));
    }
  }
  return not_applicable(check);
}

}  // namespace

std::string_view check_name(EligibilityCheck check) {
  switch (check) {
    case EligibilityCheck::kAccountExists:
      return "AccountExists";
    case EligibilityCheck::kTenantSsprEnabled:
      return "TenantSsprEnabled";
    case EligibilityCheck::kPolicyConfigured:
      return "PolicyConfigured";
    case EligibilityCheck::kInScopedGroup:
      return "InScopedGroup";
    case EligibilityCheck::kLicensed:
      return "Licensed";
    case EligibilityCheck::kWritebackForSyncedUser:
      return "WritebackForSyncedUser";
    case EligibilityCheck::kEnoughRegisteredMethods:
      return "EnoughRegisteredMethods";
  }
  return "";
}

std::optional<Error> EligibilityReport::blocking_error() const {
  for (const auto& outcome : checks) {
    if (outcome.result == CheckResult::kFailed) return outcome.error;
  }
  return std::nullopt;
}

EligibilityReport check_reset_eligibility(const EligibilityFacts& facts) {
  EligibilityReport report;
  for (auto check : kOrder) {
    if (!report.checks.empty() && report.checks.front().result == CheckResult::kFailed) {
      report.checks.push_back({check, CheckResult::kNotReached, {}, ""});
      continue;
    }
    report.checks.push_back(evaluate(check, facts));
  }
  return report;
}

}  // namespace sspr::domain::eligibility
