#include "domain/methods/one_time_code.h"
#include "fakes/sequence_random.h"

#include <gtest/gtest.h>

#include <set>

namespace sspr::domain::methods {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

// A deterministic Random: a xorshift sequence, so repeated draws vary in every byte.
using CountingRandom = sspr::testing::SequenceRandom;

const auto kIssued = std::chrono::system_clock::time_point{} + std::chrono::hours(480000);

OneTimeCodeState fresh() { return issue_code("digest", Channel::kSms, kIssued); }

TEST(OneTimeCode, DigitsDependOnChannel) {
  EXPECT_EQ(code_digits(Channel::kSms), 6);
  EXPECT_EQ(code_digits(Channel::kVoice), 6);
  EXPECT_EQ(code_digits(Channel::kEmail), 8);
  CountingRandom random;
  const auto sms = generate_code(random, Channel::kSms);
  const auto email = generate_code(random, Channel::kEmail);
  EXPECT_EQ(sms.size(), 6u);
  EXPECT_EQ(email.size(), 8u);
  EXPECT_EQ(sms.find_first_not_of("0123456789"), std::string::npos);
  EXPECT_EQ(email.find_first_not_of("0123456789"), std::string::npos);
}

TEST(OneTimeCode, GeneratedDigitsCoverAllValues) {
  CountingRandom random;
  std::set<char> seen;
  for (int i = 0; i < 200; ++i) {
    for (char c : generate_code(random, Channel::kEmail)) seen.insert(c);
  }
  EXPECT_EQ(seen.size(), 10u);
}

TEST(OneTimeCode, RightCodeWithinTenMinutesIsAcceptedOnce) {
  auto result = verify_code(fresh(), true, kIssued + minutes(9) + seconds(59));
  EXPECT_EQ(result.outcome, CodeOutcome::kAccepted);
  EXPECT_TRUE(result.state.consumed);
  auto again = verify_code(result.state, true, kIssued + minutes(9) + seconds(59));
  EXPECT_EQ(again.outcome, CodeOutcome::kAlreadyUsed);
  EXPECT_EQ(again.state, result.state);
}

TEST(OneTimeCode, ExpiresAtExactlyTenMinutes) {
  EXPECT_EQ(fresh().expires_at(), kIssued + minutes(10));
  auto result = verify_code(fresh(), true, kIssued + minutes(10));
  EXPECT_EQ(result.outcome, CodeOutcome::kExpired);
  EXPECT_EQ(result.state, fresh());
  EXPECT_EQ(verify_code(fresh(), false, kIssued + minutes(10)).outcome, CodeOutcome::kExpired);
}

TEST(OneTimeCode, ThirdWrongEntryLocksTheCode) {
  auto first = verify_code(fresh(), false, kIssued + seconds(1));
  EXPECT_EQ(first.outcome, CodeOutcome::kWrong);
  EXPECT_EQ(first.state.wrong_entries, 1);
  EXPECT_EQ(first.attempts_left, 2);
  auto second = verify_code(first.state, false, kIssued + seconds(2));
  EXPECT_EQ(second.outcome, CodeOutcome::kWrong);
  EXPECT_EQ(second.attempts_left, 1);
  // After two wrong entries the right code still works.
  EXPECT_EQ(verify_code(second.state, true, kIssued + seconds(3)).outcome, CodeOutcome::kAccepted);
  auto third = verify_code(second.state, false, kIssued + seconds(3));
  EXPECT_EQ(third.outcome, CodeOutcome::kLocked);
  EXPECT_EQ(third.state.wrong_entries, 3);
  EXPECT_EQ(third.attempts_left, 0);
  // Once locked, even the right code is refused and the state no longer changes.
  auto after = verify_code(third.state, true, kIssued + seconds(4));
  EXPECT_EQ(after.outcome, CodeOutcome::kLocked);
  EXPECT_EQ(after.state, third.state);
}

TEST(OneTimeCode, UsedCodeReportsUsedEvenWhenExpired) {
  auto accepted = verify_code(fresh(), true, kIssued);
  EXPECT_EQ(verify_code(accepted.state, true, kIssued + minutes(11)).outcome,
            CodeOutcome::kAlreadyUsed);
}

TEST(OneTimeCode, OutcomeNames) {
  EXPECT_EQ(to_string(CodeOutcome::kAccepted), "accepted");
  EXPECT_EQ(to_string(CodeOutcome::kAlreadyUsed), "already_used");
  EXPECT_EQ(to_string(CodeOutcome::kLocked), "locked");
}

}  // namespace
}  // namespace sspr::domain::methods
