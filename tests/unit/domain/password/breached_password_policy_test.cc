// The breached-password list in the password evaluation (issue 3): an optional port, checked
// after the other rules, reported as BreachedPassword.

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "domain/password/password_policy.h"

namespace sspr::domain::password {
namespace {

class FakeBreachedList final : public BreachedPasswordList {
 public:
  explicit FakeBreachedList(std::set<std::string> passwords) : passwords_(std::move(passwords)) {}
  bool contains(std::string_view password) const override {
    ++calls;
    return passwords_.count(std::string(password)) > 0;
  }
  mutable int calls = 0;

 private:
  std::set<std::string> passwords_;
};

BannedTermIndex small_index() {
  auto global = BannedTermList::parse("password\nsummer\n");
  auto custom = BannedTermList::custom(std::vector<std::string>{});
  EXPECT_TRUE(global.ok() && custom.ok());
  return BannedTermIndex(global.value(), custom.value(), "Contoso");
}

PasswordEvaluation evaluate(std::string_view password, const BreachedPasswordList* breached) {
  PasswordCandidate candidate;
  candidate.password = password;
  return evaluate_password(candidate, small_index(), breached);
}

TEST(BreachedPasswordPolicy, RejectsAPasswordOnTheList) {
  FakeBreachedList list({"Tr0ub4dor&3xk"});
  const auto evaluation = evaluate("Tr0ub4dor&3xk", &list);
  EXPECT_FALSE(evaluation.accepted);
  EXPECT_EQ(evaluation.reasons, std::vector<PasswordReason>{PasswordReason::kBreachedPassword});
  const auto verdict = password_verdict(evaluation);
  ASSERT_FALSE(verdict.ok());
  EXPECT_EQ(verdict.error().name, "PasswordPolicyViolation");
  EXPECT_NE(verdict.error().technical.find("BreachedPassword"), std::string::npos);
  EXPECT_EQ(verdict.error().technical.find("Tr0ub4dor"), std::string::npos);
}

TEST(BreachedPasswordPolicy, AcceptsAPasswordNotOnTheListAndWithoutAList) {
  FakeBreachedList list({"something else"});
  EXPECT_TRUE(evaluate("Tr0ub4dor&3xk", &list).accepted);
  EXPECT_EQ(list.calls, 1);
  EXPECT_TRUE(evaluate("Tr0ub4dor&3xk", nullptr).accepted);
}

TEST(BreachedPasswordPolicy, IsReportedAfterTheOtherReasons) {
  FakeBreachedList list({"summer"});
  const auto evaluation = evaluate("summer", &list);
  ASSERT_FALSE(evaluation.reasons.empty());
  EXPECT_EQ(evaluation.reasons.back(), PasswordReason::kBreachedPassword);
  EXPECT_TRUE(evaluation.has(PasswordReason::kTooShort));
}

TEST(BreachedPasswordPolicy, InvalidEncodingSkipsTheList) {
  FakeBreachedList list({"\xff\xfe"});
  const auto evaluation = evaluate("\xff\xfe", &list);
  EXPECT_EQ(evaluation.reasons, std::vector<PasswordReason>{PasswordReason::kInvalidEncoding});
  EXPECT_EQ(list.calls, 0);
}

TEST(BreachedPasswordPolicy, ReasonHasAStableName) {
  EXPECT_EQ(reason_name(PasswordReason::kBreachedPassword), "BreachedPassword");
  EXPECT_EQ(reason_message_key(PasswordReason::kBreachedPassword),
            "password.reason.BreachedPassword");
}

}  // namespace
}  // namespace sspr::domain::password
