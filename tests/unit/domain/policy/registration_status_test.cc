// Registration status (SPEC §3, §6): counting methods for users and administrators, the
// trial case, and reconfirmation, at their boundaries.
#include "domain/policy/registration_status.h"

#include <gtest/gtest.h>

namespace sspr::domain::policy {
namespace {

using M = MethodType;
using std::chrono::hours;

const TimePoint kNow{std::chrono::seconds(1'795'000'000)};
constexpr hours kDay{24};

TenantTrialFacts established() { return {2, false, kNow - 400 * kDay}; }

SsprPolicy policy_with(int required, MethodSet methods) {
  SsprPolicy policy;
  policy.methods_required = required;
  policy.methods = std::move(methods);
  return policy;
}

RegistrationStatus user_status(const SsprPolicy& policy, const RegisteredMethods& registered) {
  return registration_status(policy, false, registered, established(), kNow);
}

TEST(RegistrationStatus, OneAllowedMethodRegistersUnderOne) {
  const SsprPolicy policy;  // email + mobile phone, 1 required
  auto none = user_status(policy, {});
  EXPECT_FALSE(none.registered);
  EXPECT_EQ(none.methods_required, 1);
  EXPECT_EQ(none.methods_missing, 1);
  EXPECT_EQ(none.registrable, (std::vector<M>{M::kEmail, M::kMobilePhone}));
  auto email = user_status(policy, {{M::kEmail}, 0, kNow});
  EXPECT_TRUE(email.registered);
  EXPECT_EQ(email.methods_counted, 1);
  EXPECT_EQ(email.usable, std::vector<M>{M::kEmail});
}

TEST(RegistrationStatus, MethodsThePolicyDoesNotAllowDoNotCount) {
  const SsprPolicy policy;
  auto office = user_status(policy, {{M::kOfficePhone, M::kAppCode}, 0, kNow});
  EXPECT_FALSE(office.registered);
  EXPECT_TRUE(office.usable.empty());
}

TEST(RegistrationStatus, TwoRequiredNeedTwoDistinctMethods) {
  auto policy = policy_with(2, {M::kEmail, M::kMobilePhone, M::kOfficePhone});
  auto one = user_status(policy, {{M::kEmail}, 0, kNow});
  EXPECT_FALSE(one.registered);
  EXPECT_EQ(one.methods_missing, 1);
  auto two = user_status(policy, {{M::kEmail, M::kOfficePhone}, 0, kNow});
  EXPECT_TRUE(two.registered);
  EXPECT_EQ(two.methods_counted, 2);
}

TEST(RegistrationStatus, TheAppCountsOnceForCodeAndNotification) {
  auto policy = policy_with(2, {M::kAppCode, M::kAppNotification, M::kEmail, M::kMobilePhone});
  auto app = user_status(policy, {{M::kAppCode}, 0, kNow});
  EXPECT_EQ(app.usable, (std::vector<M>{M::kAppCode, M::kAppNotification}));
  EXPECT_EQ(app.methods_counted, 1);
  EXPECT_FALSE(app.registered);
  auto app_and_email = user_status(policy, {{M::kAppCode, M::kEmail}, 0, kNow});
  EXPECT_TRUE(app_and_email.registered);
  EXPECT_EQ(app_and_email.methods_counted, 2);
}

TEST(RegistrationStatus, SecurityQuestionsCountOnlyWithEnoughAnswers) {
  auto policy = policy_with(1, {M::kSecurityQuestions, M::kEmail});
  policy.questions_to_register = 4;
  auto three = user_status(policy, {{}, 3, kNow});
  EXPECT_FALSE(three.registered);
  EXPECT_EQ(three.security_questions_missing, 1);
  auto four = user_status(policy, {{}, 4, kNow});
  EXPECT_TRUE(four.registered);
  EXPECT_EQ(four.security_questions_missing, 0);
  EXPECT_EQ(four.usable, std::vector<M>{M::kSecurityQuestions});
  auto none = user_status(policy, {{}, 0, kNow});
  EXPECT_EQ(none.security_questions_missing, 4);
}

TEST(RegistrationStatus, ReconfirmIsDueAfterTheConfiguredDays) {
  SsprPolicy policy;  // 180 days
  const RegisteredMethods fresh{{M::kEmail}, 0, kNow - 180 * kDay + std::chrono::seconds(1)};
  const RegisteredMethods stale{{M::kEmail}, 0, kNow - 180 * kDay};
  EXPECT_FALSE(user_status(policy, fresh).reconfirm_due);
  EXPECT_TRUE(user_status(policy, stale).reconfirm_due);
  EXPECT_TRUE(user_status(policy, {{M::kEmail}, 0, std::nullopt}).reconfirm_due);
  EXPECT_TRUE(user_status(policy, {{}, 2, std::nullopt}).reconfirm_due);  // answers on file
  // Nothing on file: there is nothing to confirm; adding methods comes first.
  EXPECT_FALSE(user_status(policy, {{}, 0, std::nullopt}).reconfirm_due);
  policy.reconfirm_days = 0;  // never
  EXPECT_FALSE(user_status(policy, stale).reconfirm_due);
  policy.reconfirm_days = 180;
  policy.require_registration = false;  // the period applies only with registration required
  EXPECT_FALSE(user_status(policy, stale).reconfirm_due);
}

TEST(RegistrationStatus, AdministratorsNeedTwoOfTheFixedMethods) {
  // The tenant allows only security questions and email, 1 method: ignored for admins.
  auto policy = policy_with(1, {M::kSecurityQuestions, M::kEmail});
  const RegisteredMethods questions_and_email{{M::kEmail}, 5, kNow};
  auto admin = registration_status(policy, true, questions_and_email, established(), kNow);
  EXPECT_TRUE(admin.admin_policy);
  EXPECT_EQ(admin.methods_required, 2);
  EXPECT_FALSE(admin.registered);
  EXPECT_EQ(admin.usable, std::vector<M>{M::kEmail});
  EXPECT_EQ(admin.registrable, (std::vector<M>{M::kMobilePhone, M::kOfficePhone, M::kAppCode}));
  EXPECT_EQ(admin.security_questions_missing, 0);
  const RegisteredMethods email_and_office{{M::kEmail, M::kOfficePhone}, 0, kNow};
  EXPECT_TRUE(registration_status(policy, true, email_and_office, established(), kNow).registered);
  const RegisteredMethods email_and_app{{M::kEmail, M::kAppCode}, 0, kNow};
  EXPECT_TRUE(registration_status(policy, true, email_and_app, established(), kNow).registered);
  // Administrators are never asked to reconfirm by the tenant's period.
  const RegisteredMethods stale{{M::kEmail, M::kAppCode}, 0, kNow - 1000 * kDay};
  EXPECT_FALSE(registration_status(policy, true, stale, established(), kNow).reconfirm_due);
}

TEST(RegistrationStatus, AdministratorsOfATrialTenantNeedOneMethod) {
  const SsprPolicy policy;
  const RegisteredMethods email{{M::kEmail}, 0, kNow};
  const TenantTrialFacts trial{1, false, kNow - 30 * kDay + std::chrono::seconds(1)};
  auto in_trial = registration_status(policy, true, email, trial, kNow);
  EXPECT_EQ(in_trial.methods_required, 1);
  EXPECT_TRUE(in_trial.registered);

  TenantTrialFacts day_30 = trial;
  day_30.created = kNow - 30 * kDay;
  EXPECT_EQ(registration_status(policy, true, email, day_30, kNow).methods_required, 2);
  TenantTrialFacts custom_domain = trial;
  custom_domain.domain_count = 2;
  EXPECT_EQ(registration_status(policy, true, email, custom_domain, kNow).methods_required, 2);
  TenantTrialFacts synced = trial;
  synced.has_synced_users = true;
  EXPECT_EQ(registration_status(policy, true, email, synced, kNow).methods_required, 2);
}

TEST(RegistrationStatus, TrialIsTheFirst30DaysWithoutCustomDomainOrSyncedUsers) {
  EXPECT_TRUE(is_trial({1, false, kNow}, kNow));
  EXPECT_TRUE(is_trial({1, false, kNow - 30 * kDay + std::chrono::seconds(1)}, kNow));
  EXPECT_FALSE(is_trial({1, false, kNow - 30 * kDay}, kNow));
  EXPECT_FALSE(is_trial({2, false, kNow}, kNow));
  EXPECT_FALSE(is_trial({1, true, kNow}, kNow));
}

}  // namespace
}  // namespace sspr::domain::policy
