#include "domain/password/password_policy.h"

#include <gtest/gtest.h>

namespace sspr::domain::password {
namespace {

using Reasons = std::vector<PasswordReason>;

BannedTermIndex contoso_index() {
  auto global = BannedTermList::parse("password\nsummer\nqwerty\nwelcome\n");
  auto custom = BannedTermList::custom(std::vector<std::string>{"fabrikam"});
  EXPECT_TRUE(global.ok() && custom.ok());
  return BannedTermIndex(global.value(), custom.value(), "Contoso");
}

PasswordEvaluation evaluate(std::string_view password,
                            PasswordChange change = PasswordChange::kReset) {
  PasswordCandidate candidate;
  candidate.password = password;
  candidate.change = change;
  candidate.first_name = "Alice";
  candidate.last_name = "Smith";
  return evaluate_password(candidate, contoso_index());
}

TEST(PasswordPolicy, AcceptsAStrongPassword) {
  const auto evaluation = evaluate("Tr0ub4dor&3xk");
  EXPECT_TRUE(evaluation.accepted);
  EXPECT_TRUE(evaluation.reasons.empty());
  EXPECT_GE(evaluation.score, 5);
  EXPECT_TRUE(password_verdict(evaluation).ok());
}

TEST(PasswordPolicy, RejectsBannedPasswordThatPassesComplexity) {
  const auto evaluation = evaluate("P@ssw0rd2024");
  // normalised "password2o24": password (1) + "2o24" (4) = 5: accepted by the score.
  EXPECT_EQ(evaluation.score, 5);
  EXPECT_TRUE(evaluation.accepted);
  const auto banned = evaluate("P@ssw0rd!24");  // password + ! 2 4 = 4
  EXPECT_EQ(banned.score, 4);
  EXPECT_EQ(banned.reasons, Reasons{PasswordReason::kBannedPassword});
  ASSERT_EQ(banned.found.size(), 1u);
  EXPECT_EQ(banned.found[0].term, "password");
  EXPECT_TRUE(banned.found[0].exact);
}

TEST(PasswordPolicy, TenantAndCustomTermsCount) {
  EXPECT_TRUE(evaluate("Contoso!23").has(PasswordReason::kBannedPassword));
  EXPECT_TRUE(evaluate("Fabrikam!23").has(PasswordReason::kBannedPassword));
  EXPECT_EQ(evaluate("Fabrikam!23").found.at(0).source, BannedTermSource::kCustom);
}

TEST(PasswordPolicy, RejectsTheUsersNameWhateverTheScore) {
  const auto evaluation = evaluate("xQ7!smith#Zr9w");
  EXPECT_EQ(evaluation.reasons, Reasons{PasswordReason::kContainsUserName});
  EXPECT_GE(evaluation.score, 5);
}

TEST(PasswordPolicy, ReuseIsRejectedOnChangeOnly) {
  int calls = 0;
  PasswordCandidate candidate;
  candidate.password = "Tr0ub4dor&3xk";
  candidate.matches_current = [&calls] {
    ++calls;
    return true;
  };
  candidate.change = PasswordChange::kReset;
  EXPECT_TRUE(evaluate_password(candidate, contoso_index()).accepted);
  candidate.change = PasswordChange::kAdminSet;
  EXPECT_TRUE(evaluate_password(candidate, contoso_index()).accepted);
  EXPECT_EQ(calls, 0);
  candidate.change = PasswordChange::kChange;
  EXPECT_EQ(evaluate_password(candidate, contoso_index()).reasons,
            Reasons{PasswordReason::kReusedPassword});
  EXPECT_EQ(calls, 1);
  candidate.matches_current = [] { return false; };
  EXPECT_TRUE(evaluate_password(candidate, contoso_index()).accepted);
  candidate.matches_current = nullptr;  // no current password
  EXPECT_TRUE(evaluate_password(candidate, contoso_index()).accepted);
}

TEST(PasswordPolicy, InvalidUtf8IsTheOnlyReason) {
  const auto evaluation = evaluate("Abcdef12\xFF");
  EXPECT_EQ(evaluation.reasons, Reasons{PasswordReason::kInvalidEncoding});
  EXPECT_FALSE(evaluation.accepted);
}

TEST(PasswordPolicy, ReportsEveryReasonInOrder) {
  PasswordCandidate candidate;
  candidate.password = "qwerty";
  candidate.first_name = "Qwerty";
  EXPECT_EQ(evaluate_password(candidate, contoso_index()).reasons,
            (Reasons{PasswordReason::kTooShort, PasswordReason::kNotEnoughCharacterClasses,
                     PasswordReason::kBannedPassword, PasswordReason::kContainsUserName}));
}

TEST(PasswordPolicy, OverlongPasswordsAreNotSearched) {
  std::string password = "Password1";
  password.resize(257, 'x');
  const auto evaluation = evaluate(password);
  EXPECT_EQ(evaluation.reasons, Reasons{PasswordReason::kTooLong});
  EXPECT_TRUE(evaluation.found.empty());
}

TEST(PasswordVerdict, BannedAndNameAreFuzzyPolicyViolations) {
  const auto banned = password_verdict(evaluate("Summer!24"));
  ASSERT_FALSE(banned.ok());
  EXPECT_EQ(banned.error().name, "FuzzyPolicyViolationInvalidPassword");
  EXPECT_EQ(banned.error().message_key, "error.FuzzyPolicyViolationInvalidPassword");
  EXPECT_EQ(banned.error().kind, ErrorKind::kRejected);
  EXPECT_EQ(banned.error().technical.find("summer"), std::string::npos);  // no secret
  EXPECT_EQ(banned.error().technical.find("Summer"), std::string::npos);
  EXPECT_NE(banned.error().technical.find("BannedPassword"), std::string::npos);

  const auto name = password_verdict(evaluate("xQ7!alice#Zr9w"));
  ASSERT_FALSE(name.ok());
  EXPECT_EQ(name.error().name, "FuzzyPolicyViolationInvalidPassword");
}

TEST(PasswordVerdict, ComplexityFailuresArePasswordPolicyViolations) {
  const auto verdict = password_verdict(evaluate("Zq7!x"));
  ASSERT_FALSE(verdict.ok());
  EXPECT_EQ(verdict.error().name, "PasswordPolicyViolation");
  EXPECT_NE(verdict.error().technical.find("TooShort"), std::string::npos);
}

TEST(PasswordReasons, HaveStableNamesAndMessageKeys) {
  EXPECT_EQ(reason_name(PasswordReason::kNotEnoughCharacterClasses), "NotEnoughCharacterClasses");
  EXPECT_EQ(reason_message_key(PasswordReason::kBannedPassword), "password.reason.BannedPassword");
  EXPECT_EQ(reason_name(PasswordReason::kInvalidEncoding), "InvalidEncoding");
}

}  // namespace
}  // namespace sspr::domain::password
