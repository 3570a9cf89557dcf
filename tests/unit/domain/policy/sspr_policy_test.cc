// The SSPR policy of SPEC §2: defaults, and each rule at its boundaries.
#include "domain/policy/sspr_policy.h"

#include <gtest/gtest.h>

#include "domain/policy/policy_refusal.h"

namespace sspr::domain::policy {
namespace {

using M = MethodType;

// The refusal's name ("" when the policy is valid).
std::string refusal_of(const SsprPolicy& policy, PolicyContext context = {}) {
  auto status = validate(policy, context);
  if (status) return "";
  EXPECT_EQ(status.error().name, "InvalidSsprPolicy");
  EXPECT_EQ(status.error().kind, ErrorKind::kBadInput);
  const std::string prefix = "policy.refusal.";
  EXPECT_TRUE(status.error().message_key.starts_with(prefix));
  return status.error().message_key.substr(prefix.size());
}

SsprPolicy with_methods(int required, MethodSet methods) {
  SsprPolicy policy;
  policy.methods_required = required;
  policy.methods = std::move(methods);
  return policy;
}

TEST(SsprPolicy, DefaultsAreThoseOfTheSpec) {
  const SsprPolicy policy;
  EXPECT_EQ(policy.enabled, SsprEnabled::kNone);
  EXPECT_FALSE(policy.group_id);
  EXPECT_EQ(policy.methods_required, 1);
  EXPECT_EQ(policy.methods, (MethodSet{M::kEmail, M::kMobilePhone}));
  EXPECT_EQ(policy.questions_to_register, 3);
  EXPECT_EQ(policy.questions_to_reset, 3);
  EXPECT_TRUE(policy.require_registration);
  EXPECT_EQ(policy.reconfirm_days, 180);
  EXPECT_TRUE(policy.notify_users);
  EXPECT_FALSE(policy.notify_admins);
  EXPECT_EQ(policy.helpdesk, "");
  EXPECT_FALSE(policy.writeback);
  EXPECT_FALSE(policy.unlock);
  EXPECT_EQ(refusal_of(policy), "");
}

TEST(SsprPolicy, EnabledNamesRoundTrip) {
  for (auto name : {"none", "selected", "all"}) {
    auto parsed = parse_enabled(name);
    ASSERT_TRUE(parsed) << name;
    EXPECT_EQ(enabled_name(*parsed), name);
  }
  EXPECT_FALSE(parse_enabled("All"));
  EXPECT_FALSE(parse_enabled("some"));
}

TEST(SsprPolicy, SelectedNeedsAGroup) {
  SsprPolicy policy;
  policy.enabled = SsprEnabled::kSelected;
  EXPECT_EQ(refusal_of(policy), "GroupRequired");
  policy.group_id = 7;
  EXPECT_EQ(refusal_of(policy), "");
  policy.enabled = SsprEnabled::kAll;
  policy.group_id.reset();
  EXPECT_EQ(refusal_of(policy), "");
}

TEST(SsprPolicy, MethodsRequiredIsOneOrTwo) {
  const MethodSet three = {M::kEmail, M::kMobilePhone, M::kOfficePhone};
  EXPECT_EQ(refusal_of(with_methods(0, three)), "MethodsRequiredRange");
  EXPECT_EQ(refusal_of(with_methods(1, three)), "");
  EXPECT_EQ(refusal_of(with_methods(2, three)), "");
  EXPECT_EQ(refusal_of(with_methods(3, three)), "MethodsRequiredRange");
}

TEST(SsprPolicy, AtLeastOneMethod) {
  EXPECT_EQ(refusal_of(with_methods(1, {})), "NoMethods");
  EXPECT_EQ(refusal_of(with_methods(1, {M::kEmail})), "");
  EXPECT_EQ(refusal_of(with_methods(1, {M::kSecurityQuestions})), "");
}

TEST(SsprPolicy, TwoRequiredNeedTwoDistinctMethods) {
  EXPECT_EQ(refusal_of(with_methods(2, {M::kEmail})), "NotEnoughMethods");
  EXPECT_EQ(refusal_of(with_methods(2, {M::kEmail, M::kOfficePhone})), "");
  // The app's code and notification are one method.
  EXPECT_EQ(refusal_of(with_methods(2, {M::kAppCode, M::kAppNotification})), "NotEnoughMethods");
}

TEST(SsprPolicy, AppCannotBeTheOnlyMethodUnderOne) {
  EXPECT_EQ(refusal_of(with_methods(1, {M::kAppCode})), "AppOnlyMethod");
  EXPECT_EQ(refusal_of(with_methods(1, {M::kAppCode, M::kEmail})), "");
}

TEST(SsprPolicy, WithOneMethodTheAppOffersOnlyItsCode) {
  EXPECT_EQ(refusal_of(with_methods(1, {M::kAppNotification, M::kEmail})),
            "AppNotificationNeedsTwoMethods");
  EXPECT_EQ(refusal_of(with_methods(1, {M::kAppNotification, M::kAppCode, M::kEmail})),
            "AppNotificationNeedsTwoMethods");
  EXPECT_EQ(refusal_of(with_methods(2, {M::kAppNotification, M::kEmail, M::kMobilePhone})), "");
}

TEST(SsprPolicy, AppCannotBeOneOfOnlyTwoUnderTwo) {
  EXPECT_EQ(refusal_of(with_methods(2, {M::kAppCode, M::kEmail})), "AppOneOfTwo");
  EXPECT_EQ(refusal_of(with_methods(2, {M::kAppCode, M::kAppNotification, M::kEmail})),
            "AppOneOfTwo");
  EXPECT_EQ(refusal_of(with_methods(2, {M::kAppCode, M::kEmail, M::kSecurityQuestions})), "");
  EXPECT_EQ(
      refusal_of(with_methods(2, {M::kAppCode, M::kAppNotification, M::kEmail, M::kOfficePhone})),
      "");
}

TEST(SsprPolicy, QuestionCountsAreThreeToFiveAndResetNeverAboveRegister) {
  SsprPolicy policy;
  for (int n : {2, 6}) {
    policy.questions_to_register = n;
    policy.questions_to_reset = 3;
    EXPECT_EQ(refusal_of(policy), "QuestionsToRegisterRange") << n;
  }
  policy.questions_to_register = 5;
  for (int n : {2, 6}) {
    policy.questions_to_reset = n;
    EXPECT_EQ(refusal_of(policy), "QuestionsToResetRange") << n;
  }
  for (int n : {3, 4, 5}) {
    policy.questions_to_reset = n;
    EXPECT_EQ(refusal_of(policy), "") << n;
  }
  policy.questions_to_register = 3;
  policy.questions_to_reset = 4;
  EXPECT_EQ(refusal_of(policy), "QuestionsToResetAboveRegister");
  policy.questions_to_register = 4;
  EXPECT_EQ(refusal_of(policy), "");
}

TEST(SsprPolicy, ReconfirmDaysZeroTo730) {
  SsprPolicy policy;
  for (int days : {0, 1, 730}) {
    policy.reconfirm_days = days;
    EXPECT_EQ(refusal_of(policy), "") << days;
  }
  for (int days : {-1, 731}) {
    policy.reconfirm_days = days;
    EXPECT_EQ(refusal_of(policy), "ReconfirmDaysRange") << days;
  }
}

TEST(SsprPolicy, HelpdeskIsAUrlOrAnEmail) {
  for (auto good : {"https://help.contoso.example/sspr", "http://intranet",
                    "helpdesk@contoso.example", "https://help.example?x=1"}) {
    EXPECT_TRUE(is_valid_helpdesk(good)) << good;
  }
  for (auto bad : {"", "help desk@contoso.example", "ftp://help.example", "https://", "contoso",
                   "@contoso.example", "a@b", "a@b@c.example", "javascript:alert(1)",
                   "https://user@evil.example", "a@contoso.example.", "tab\t@x.example"}) {
    EXPECT_FALSE(is_valid_helpdesk(bad)) << bad;
  }
  EXPECT_TRUE(is_valid_helpdesk("https://h.example/" + std::string(kMaxHelpdeskLength - 18, 'a')));
  EXPECT_FALSE(is_valid_helpdesk("https://h.example/" + std::string(kMaxHelpdeskLength - 17, 'a')));
  SsprPolicy policy;
  policy.helpdesk = "not a link";
  EXPECT_EQ(refusal_of(policy), "InvalidHelpdesk");
  policy.helpdesk = "https://help.contoso.example";
  EXPECT_EQ(refusal_of(policy), "");
}

TEST(SsprPolicy, WritebackAndUnlockNeedAnOnPremisesConnection) {
  SsprPolicy policy;
  policy.writeback = true;
  EXPECT_EQ(refusal_of(policy), "WritebackNeedsConnection");
  EXPECT_EQ(refusal_of(policy, {.has_onprem_connection = true}), "");
  policy.writeback = false;
  policy.unlock = true;
  EXPECT_EQ(refusal_of(policy), "UnlockNeedsConnection");
  EXPECT_EQ(refusal_of(policy, {.has_onprem_connection = true}), "");
}

TEST(PolicyRefusal, TechnicalLineExplainsInOneLine) {
  auto error = policy_refused(PolicyRefusal::kWritebackNeedsConnection);
  EXPECT_EQ(error.code, "InvalidSsprPolicy");
  EXPECT_TRUE(error.technical.starts_with("WritebackNeedsConnection: ")) << error.technical;
  EXPECT_NE(error.technical.find("configure"), std::string::npos);
  EXPECT_EQ(error.technical.find('\n'), std::string::npos);
}

}  // namespace
}  // namespace sspr::domain::policy
