// What diagnose says about each check (SPEC §12): the specific fix for a failed check, why a
// check did not apply, and which policy applies; every key has a text in every language.

#include "domain/eligibility/check_explanation.h"

#include <gtest/gtest.h>

#include "domain/locale_catalogue.h"

namespace sspr::domain::eligibility {
namespace {

using methods::MethodType;
using policy::SsprEnabled;

EligibilityFacts cloud_user(SsprEnabled enabled) {
  EligibilityFacts facts;
  facts.account_found = true;
  facts.account_enabled = true;
  facts.policy = policy::SsprPolicy{};
  facts.policy->enabled = enabled;
  facts.registration.registered = true;
  facts.registration.methods_required = 1;
  facts.registration.methods_counted = 1;
  facts.skus = {"BASIC"};
  return facts;
}

const CheckOutcome& outcome(const EligibilityReport& report, EligibilityCheck check) {
  for (const auto& item : report.checks) {
    if (item.check == check) return item;
  }
  throw std::logic_error("check missing");
}

TEST(CheckExplanation, OutOfScopeFixNamesTheGroupAndNesting) {
  auto facts = cloud_user(SsprEnabled::kSelected);
  facts.scoped_group_name = "SSPR Users";
  const auto report = check_reset_eligibility(facts);
  const auto fix = fix_of(outcome(report, EligibilityCheck::kInScopedGroup), facts, "c.example");
  ASSERT_TRUE(fix);
  EXPECT_EQ(fix->key, "diagnose.fix.InScopedGroup");
  ASSERT_NE(fix->param("group"), nullptr);
  EXPECT_EQ(std::get<std::string>(*fix->param("group")), "SSPR Users");
}

TEST(CheckExplanation, LicenceFixForSyncedUsersNamesAPremiumSkuAndWhatTheUserHolds) {
  auto facts = cloud_user(SsprEnabled::kAll);
  facts.source = UserSource::kSynced;
  const auto report = check_reset_eligibility(facts);
  const auto fix = fix_of(outcome(report, EligibilityCheck::kLicensed), facts, "c.example");
  ASSERT_TRUE(fix);
  EXPECT_EQ(fix->key, "diagnose.fix.Licensed.synced");
  EXPECT_EQ(std::get<std::string>(*fix->param("sku")), "PREMIUM_P1");
  EXPECT_EQ(std::get<TextList>(*fix->param("held")).items, std::vector<std::string>{"BASIC"});
  EXPECT_EQ(example_sku(UserSource::kCloud), "O365_PAID");
}

TEST(CheckExplanation, RegistrationFixCountsMethodsAndNamesTheAppOnce) {
  auto facts = cloud_user(SsprEnabled::kAll);
  facts.registration.registered = false;
  facts.registration.methods_required = 2;
  facts.registration.methods_counted = 1;
  facts.registration.methods_missing = 1;
  facts.registration.usable = {MethodType::kEmail};
  facts.registration.registrable = {MethodType::kMobilePhone, MethodType::kAppCode,
                                    MethodType::kAppNotification};
  const auto report = check_reset_eligibility(facts);
  const auto fix =
      fix_of(outcome(report, EligibilityCheck::kEnoughRegisteredMethods), facts, "c.example");
  ASSERT_TRUE(fix);
  EXPECT_EQ(fix->key, "diagnose.fix.EnoughRegisteredMethods");
  EXPECT_EQ(std::get<int>(*fix->param("counted")), 1);
  EXPECT_EQ(std::get<int>(*fix->param("required")), 2);
  EXPECT_EQ(std::get<MethodList>(*fix->param("registrable")).items,
            (std::vector<MethodType>{MethodType::kMobilePhone, MethodType::kAppCode}));
  facts.is_admin = true;
  facts.registration.admin_policy = true;
  EXPECT_EQ(
      fix_of(outcome(check_reset_eligibility(facts), EligibilityCheck::kEnoughRegisteredMethods),
             facts, "c.example")
          ->key,
      "diagnose.fix.EnoughRegisteredMethods.admin");
}

TEST(CheckExplanation, PassedChecksHaveNeitherFixNorReason) {
  const auto facts = cloud_user(SsprEnabled::kAll);
  const auto report = check_reset_eligibility(facts);
  const auto& licensed = outcome(report, EligibilityCheck::kLicensed);
  EXPECT_FALSE(fix_of(licensed, facts, "c.example"));
  EXPECT_FALSE(reason_of(licensed, facts));
}

TEST(CheckExplanation, ReasonsSayWhyAChecksDidNotApply) {
  auto facts = cloud_user(SsprEnabled::kAll);
  auto report = check_reset_eligibility(facts);
  EXPECT_EQ(reason_of(outcome(report, EligibilityCheck::kInScopedGroup), facts)->key,
            "diagnose.reason.NotScoped");
  EXPECT_EQ(reason_of(outcome(report, EligibilityCheck::kWritebackForSyncedUser), facts)->key,
            "diagnose.reason.CloudUser");
  facts.is_admin = true;
  report = check_reset_eligibility(facts);
  for (auto check : {EligibilityCheck::kTenantSsprEnabled, EligibilityCheck::kPolicyConfigured,
                     EligibilityCheck::kInScopedGroup, EligibilityCheck::kLicensed}) {
    EXPECT_EQ(reason_of(outcome(report, check), facts)->key, "diagnose.reason.Administrator");
  }
  facts.account_enabled = false;
  report = check_reset_eligibility(facts);
  EXPECT_EQ(reason_of(outcome(report, EligibilityCheck::kLicensed), facts)->key,
            "diagnose.reason.NotReached");
  EXPECT_EQ(fix_of(outcome(report, EligibilityCheck::kAccountExists), facts, "c")->key,
            "diagnose.fix.AccountDisabled");
}

TEST(CheckExplanation, ApplicablePolicyTellsTenantAdministratorsTrialAndNone) {
  auto facts = cloud_user(SsprEnabled::kAll);
  EXPECT_EQ(applicable_policy(facts).key, "diagnose.policy.tenant");
  facts.policy.reset();
  EXPECT_EQ(applicable_policy(facts).key, "diagnose.policy.never_configured");
  facts.is_admin = true;
  facts.registration.methods_required = 2;
  EXPECT_EQ(applicable_policy(facts).key, "diagnose.policy.admin");
  facts.registration.methods_required = 1;
  EXPECT_EQ(applicable_policy(facts).key, "diagnose.policy.admin_trial");
}

TEST(CheckExplanation, EveryKeyHasATextInEveryLanguage) {
  std::vector<std::string> keys = {"diagnose.none",
                                   "diagnose.policy.tenant",
                                   "diagnose.policy.admin",
                                   "diagnose.policy.admin_trial",
                                   "diagnose.policy.never_configured",
                                   "diagnose.reason.Administrator",
                                   "diagnose.reason.NoPolicy",
                                   "diagnose.reason.NotScoped",
                                   "diagnose.reason.CloudUser",
                                   "diagnose.reason.NotReached",
                                   "diagnose.fix.AccountDisabled",
                                   "diagnose.fix.TenantSsprEnabled",
                                   "diagnose.fix.PolicyConfigured",
                                   "diagnose.fix.InScopedGroup",
                                   "diagnose.fix.InScopedGroupMissing",
                                   "diagnose.fix.Licensed.cloud",
                                   "diagnose.fix.Licensed.synced",
                                   "diagnose.fix.WritebackForSyncedUser",
                                   "diagnose.fix.EnoughRegisteredMethods",
                                   "diagnose.fix.EnoughRegisteredMethods.admin",
                                   "diagnose.fix.ThrottledBlocked",
                                   "diagnose.fix.ThrottledLimitReached"};
  for (auto type : methods::kAllMethodTypes) {
    keys.push_back("diagnose.method." + std::string(policy::method_name(type)));
  }
  EXPECT_EQ(sspr::testing::missing_locale_keys(keys), std::vector<std::string>{});
}

}  // namespace
}  // namespace sspr::domain::eligibility
