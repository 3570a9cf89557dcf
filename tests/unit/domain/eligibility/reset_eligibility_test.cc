// Who may reset (SPEC §4): each check in its order with its numbered error, the neutral answer
// for unknown and disabled accounts, and administrators under §6.

#include "domain/eligibility/reset_eligibility.h"

#include <gtest/gtest.h>

#include "domain/locale_catalogue.h"

namespace sspr::domain::eligibility {
namespace {

using policy::SsprEnabled;

// A cloud user who may reset: policy all, a licence, registered.
EligibilityFacts eligible_cloud_user() {
  EligibilityFacts facts;
  facts.account_found = true;
  facts.account_enabled = true;
  facts.policy = policy::SsprPolicy{};
  facts.policy->enabled = SsprEnabled::kAll;
  facts.skus = {"BASIC"};
  facts.registration.registered = true;
  facts.registration.methods_required = 1;
  facts.registration.methods_counted = 1;
  return facts;
}

std::string blocking_code(const EligibilityFacts& facts) {
  auto error = check_reset_eligibility(facts).blocking_error();
  return error ? error->code : "eligible";
}

CheckResult result_of(const EligibilityReport& report, EligibilityCheck check) {
  for (const auto& outcome : report.checks) {
    if (outcome.check == check) return outcome.result;
  }
  ADD_FAILURE() << "check missing";
  return CheckResult::kNotReached;
}

TEST(ResetEligibility, EligibleUserPassesEveryApplicableCheck) {
  auto report = check_reset_eligibility(eligible_cloud_user());
  EXPECT_TRUE(report.eligible());
  ASSERT_EQ(report.checks.size(), 7u);
  EXPECT_EQ(report.checks[0].check, EligibilityCheck::kAccountExists);
  EXPECT_EQ(report.checks[6].check, EligibilityCheck::kEnoughRegisteredMethods);
  EXPECT_EQ(result_of(report, EligibilityCheck::kInScopedGroup), CheckResult::kNotApplicable);
  EXPECT_EQ(result_of(report, EligibilityCheck::kWritebackForSyncedUser),
            CheckResult::kNotApplicable);
}

TEST(ResetEligibility, UnknownAndDisabledAccountsGetTheSameNeutralAnswer) {
  auto unknown = eligible_cloud_user();
  unknown.account_found = false;
  auto disabled = eligible_cloud_user();
  disabled.account_enabled = false;
  auto a = check_reset_eligibility(unknown).blocking_error();
  auto b = check_reset_eligibility(disabled).blocking_error();
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->code, b->code);
  EXPECT_EQ(a->message_key, b->message_key);
  EXPECT_EQ(a->kind, b->kind);
  // Nothing else is known about an unknown account: the other checks are not reached.
  auto report = check_reset_eligibility(unknown);
  EXPECT_EQ(result_of(report, EligibilityCheck::kLicensed), CheckResult::kNotReached);
}

TEST(ResetEligibility, PolicyNoneIsSspr0009) {
  auto facts = eligible_cloud_user();
  facts.policy->enabled = SsprEnabled::kNone;
  EXPECT_EQ(blocking_code(facts), "SSPR_0009");
}

TEST(ResetEligibility, NeverConfiguredIsSspr0011) {
  auto facts = eligible_cloud_user();
  facts.policy.reset();
  EXPECT_EQ(blocking_code(facts), "SSPR_0011");
  EXPECT_EQ(result_of(check_reset_eligibility(facts), EligibilityCheck::kTenantSsprEnabled),
            CheckResult::kNotApplicable);
}

TEST(ResetEligibility, SelectedGroupMembershipIsSspr0013) {
  auto facts = eligible_cloud_user();
  facts.policy->enabled = SsprEnabled::kSelected;
  facts.scoped_group_name = "SSPR Users";
  facts.member_of_scoped_group = false;
  auto error = check_reset_eligibility(facts).blocking_error();
  ASSERT_TRUE(error);
  EXPECT_EQ(error->code, "SSPR_0013");
  EXPECT_EQ(error->name, "UserNotMemberOfScopedAccessGroup");
  EXPECT_NE(error->technical.find("SSPR Users"), std::string::npos);
  facts.member_of_scoped_group = true;
  EXPECT_EQ(blocking_code(facts), "eligible");
}

TEST(ResetEligibility, LicenceMustGrantSsprToTheUsersKind) {
  auto facts = eligible_cloud_user();
  facts.skus = {"FREE"};
  EXPECT_EQ(blocking_code(facts), "SSPR_0012");
  facts.skus = {};
  EXPECT_EQ(blocking_code(facts), "SSPR_0012");
  // BASIC grants cloud users but not synced users; P1 grants both.
  facts.source = UserSource::kSynced;
  facts.policy->writeback = true;
  facts.skus = {"BASIC"};
  EXPECT_EQ(blocking_code(facts), "SSPR_0012");
  facts.skus = {"PREMIUM_P1"};
  EXPECT_EQ(blocking_code(facts), "eligible");
}

TEST(ResetEligibility, SyncedUserWithoutWritebackIsSspr0010) {
  auto facts = eligible_cloud_user();
  facts.source = UserSource::kSynced;
  facts.skus = {"PREMIUM_P2"};
  facts.policy->writeback = false;
  EXPECT_EQ(blocking_code(facts), "SSPR_0010");
}

TEST(ResetEligibility, NotRegisteredIsSspr0014WithWhatIsMissing) {
  auto facts = eligible_cloud_user();
  facts.registration.registered = false;
  facts.registration.methods_required = 2;
  facts.registration.methods_counted = 1;
  auto error = check_reset_eligibility(facts).blocking_error();
  ASSERT_TRUE(error);
  EXPECT_EQ(error->code, "SSPR_0014");
  EXPECT_NE(error->technical.find("1 of 2"), std::string::npos);
}

TEST(ResetEligibility, ChecksApplyInSpecOrderTheFirstFailureWins) {
  auto facts = eligible_cloud_user();
  facts.policy->enabled = SsprEnabled::kSelected;  // 0013 ...
  facts.skus = {};                                 // ... before 0012
  facts.registration.registered = false;           // ... before 0014
  EXPECT_EQ(blocking_code(facts), "SSPR_0013");
  auto report = check_reset_eligibility(facts);
  // Diagnose still sees the later failures.
  EXPECT_EQ(result_of(report, EligibilityCheck::kLicensed), CheckResult::kFailed);
  EXPECT_EQ(result_of(report, EligibilityCheck::kEnoughRegisteredMethods), CheckResult::kFailed);
  EXPECT_EQ(report.checks[3].fix_key, "fix.InScopedGroup");
}

TEST(ResetEligibility, AdministratorsIgnoreTheTenantPolicyAndLicences) {
  auto facts = eligible_cloud_user();
  facts.is_admin = true;
  facts.policy->enabled = SsprEnabled::kNone;
  facts.skus = {"FREE"};
  facts.registration.admin_policy = true;
  EXPECT_EQ(blocking_code(facts), "eligible");
  facts.policy.reset();
  EXPECT_EQ(blocking_code(facts), "eligible");
  facts.registration.registered = false;
  EXPECT_EQ(blocking_code(facts), "SSPR_0014");
  auto report = check_reset_eligibility(facts);
  EXPECT_EQ(result_of(report, EligibilityCheck::kLicensed), CheckResult::kNotApplicable);
}

TEST(ResetEligibility, SyncedAdministratorStillNeedsWriteback) {
  auto facts = eligible_cloud_user();
  facts.is_admin = true;
  facts.source = UserSource::kSynced;
  facts.policy->writeback = false;
  EXPECT_EQ(blocking_code(facts), "SSPR_0010");
}

TEST(ResetEligibility, EveryErrorAndFixHasATextInEveryLanguage) {
  std::vector<std::string> keys;
  std::vector<EligibilityFacts> failing;
  auto unknown = eligible_cloud_user();
  unknown.account_found = false;
  failing.push_back(unknown);
  auto all_fail = eligible_cloud_user();
  all_fail.policy->enabled = SsprEnabled::kSelected;
  all_fail.skus = {};
  all_fail.source = UserSource::kSynced;
  all_fail.registration.registered = false;
  failing.push_back(all_fail);
  auto none = eligible_cloud_user();
  none.policy->enabled = SsprEnabled::kNone;
  failing.push_back(none);
  auto never = eligible_cloud_user();
  never.policy.reset();
  failing.push_back(never);
  for (const auto& facts : failing) {
    for (const auto& outcome : check_reset_eligibility(facts).checks) {
      if (outcome.result != CheckResult::kFailed) continue;
      keys.push_back(outcome.error->message_key);
      keys.push_back(outcome.fix_key);
    }
  }
  EXPECT_EQ(keys.size(), 14u);  // seven checks, each failed once
  EXPECT_EQ(sspr::testing::missing_locale_keys(keys), std::vector<std::string>{});
}

}  // namespace
}  // namespace sspr::domain::eligibility
