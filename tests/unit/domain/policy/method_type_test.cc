// Method type names (CONTRACT.md) and counting the authenticator app once.
#include "domain/policy/method_type.h"

#include <gtest/gtest.h>

namespace sspr::domain::policy {
namespace {

TEST(MethodType, NamesOfTheContractRoundTrip) {
  std::vector<std::string> names;
  for (auto method : all_methods()) {
    names.emplace_back(method_name(method));
    EXPECT_EQ(parse_method(method_name(method)), method);
  }
  EXPECT_EQ(names,
            (std::vector<std::string>{"email", "mobile_phone", "office_phone", "security_questions",
                                      "app_code", "app_notification"}));
  EXPECT_FALSE(parse_method("sms"));
  EXPECT_FALSE(parse_method("Email"));
}

TEST(MethodType, TheAppCountsOnce) {
  using M = MethodType;
  EXPECT_EQ(distinct_method_count({}), 0);
  EXPECT_EQ(distinct_method_count({M::kAppCode, M::kAppNotification}), 1);
  EXPECT_EQ(distinct_method_count({M::kAppCode, M::kAppNotification, M::kEmail}), 2);
  EXPECT_EQ(
      distinct_method_count({M::kEmail, M::kMobilePhone, M::kOfficePhone, M::kSecurityQuestions}),
      4);
}

}  // namespace
}  // namespace sspr::domain::policy

namespace sspr::domain::policy {
namespace {

TEST(MethodList, ParsesCommaSeparatedNames) {
  using M = MethodType;
  auto parsed = parse_method_list("email, app_code,security_questions", "methods");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(*parsed, (MethodSet{M::kEmail, M::kAppCode, M::kSecurityQuestions}));
  auto empty = parse_method_list("", "methods");
  ASSERT_TRUE(empty);  // an empty list is refused by the policy rules, with their explanation
  EXPECT_TRUE(empty->empty());
  for (auto bad : {"email,sms", "email,,mobile_phone", "email,email", "email,"}) {
    auto refused = parse_method_list(bad, "methods");
    ASSERT_FALSE(refused) << bad;
    EXPECT_EQ(refused.error().name, "InvalidInput");
    EXPECT_TRUE(refused.error().technical.starts_with("methods: ")) << refused.error().technical;
  }
}

}  // namespace
}  // namespace sspr::domain::policy
