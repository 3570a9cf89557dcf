// SPEC §7 in numbers: 5 per rolling hour for phone verifications, security-question attempts
// and reset attempts; 10 emails per 10 minutes; a 24-hour block after the last attempt.

#include "domain/throttling/sspr_throttle.h"

#include <gtest/gtest.h>

namespace sspr::domain::throttling {
namespace {

using namespace std::chrono_literals;

const TimePoint kNow = TimePoint{} + 1000h;

TEST(SsprThrottle, LimitsAreThoseOfTheSpec) {
  for (auto action : {ThrottledAction::kPhoneVerification,
                      ThrottledAction::kSecurityQuestionAttempt, ThrottledAction::kResetAttempt}) {
    EXPECT_EQ(limit_of(action).max_attempts, 5) << action_name(action);
    EXPECT_EQ(limit_of(action).window, 1h) << action_name(action);
  }
  EXPECT_EQ(limit_of(ThrottledAction::kEmailSent).max_attempts, 10);
  EXPECT_EQ(limit_of(ThrottledAction::kEmailSent).window, 10min);
  EXPECT_EQ(kBlockDuration, 24h);
}

TEST(SsprThrottle, FifthAttemptInTheHourIsAllowedTheSixthBlocks) {
  auto fifth = decide(ThrottledAction::kResetAttempt, 4, std::nullopt, kNow);
  EXPECT_TRUE(fifth.allowed);
  EXPECT_FALSE(fifth.blocked_until);
  auto sixth = decide(ThrottledAction::kResetAttempt, 5, std::nullopt, kNow);
  EXPECT_FALSE(sixth.allowed);
  EXPECT_TRUE(sixth.starts_block);
  ASSERT_TRUE(sixth.blocked_until);
  EXPECT_EQ(*sixth.blocked_until, kNow + 24h);
}

TEST(SsprThrottle, TenthEmailInTenMinutesIsAllowedTheEleventhBlocks) {
  EXPECT_TRUE(decide(ThrottledAction::kEmailSent, 9, std::nullopt, kNow).allowed);
  EXPECT_FALSE(decide(ThrottledAction::kEmailSent, 10, std::nullopt, kNow).allowed);
}

TEST(SsprThrottle, AttemptsWhileBlockedAreRefusedAndExtendTheBlock) {
  const auto until = kNow + 3h;
  auto attempt = decide(ThrottledAction::kPhoneVerification, 0, until, kNow);
  EXPECT_FALSE(attempt.allowed);
  EXPECT_FALSE(attempt.starts_block);
  EXPECT_EQ(*attempt.blocked_until, kNow + 24h);
}

TEST(SsprThrottle, BlockEndsExactlyAtItsEnd) {
  const auto until = kNow + 24h;
  EXPECT_TRUE(is_blocked(until, until - 1ms));
  EXPECT_FALSE(is_blocked(until, until));
  EXPECT_TRUE(decide(ThrottledAction::kResetAttempt, 0, until, until).allowed);
  EXPECT_FALSE(is_blocked(std::nullopt, kNow));
}

TEST(SsprThrottle, ActionNamesAreDistinct) {
  EXPECT_NE(action_name(ThrottledAction::kPhoneVerification),
            action_name(ThrottledAction::kSecurityQuestionAttempt));
  EXPECT_EQ(action_name(ThrottledAction::kEmailSent), "EmailSent");
}

}  // namespace
}  // namespace sspr::domain::throttling
