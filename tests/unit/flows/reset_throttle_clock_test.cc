// The block of SPEC §7 over time: PasswordReset over the real SQLite store with the clock moved
// by the test. A refused attempt blocks the account for 24 hours after the LAST attempt: an
// attempt one second before the end is refused and moves the end; one at 24 hours after the
// last attempt is allowed. Counting is per rolling hour.
#include <gtest/gtest.h>

#include "flows/reset_flow_fixture.h"

namespace sspr::flows::testing {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

class ResetThrottleClockTest : public ResetFlowFixture {
 protected:
  void five_starts() {
    for (int i = 0; i < 5; ++i) {
      auto started = start();
      ASSERT_TRUE(started.ok()) << i << ": " << started.error().technical;
      clock_.advance(seconds(1));
    }
  }
  void expect_blocked(const domain::Result<ResetFlowView>& result) {
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().name, "ThrottledBlocked");
    EXPECT_EQ(result.error().kind, domain::ErrorKind::kThrottled);
  }
};

TEST_F(ResetThrottleClockTest, TheBlockLiftsTwentyFourHoursAfterTheLastAttempt) {
  five_starts();
  expect_blocked(start());  // the 6th: the block starts
  ASSERT_EQ(audit(domain::audit_activity::kBlocked).size(), 1u);

  clock_.advance(hours(24) - seconds(1));
  expect_blocked(start());  // refused, and the block now ends 24 h after this attempt
  clock_.advance(hours(24) - seconds(1));
  expect_blocked(start());  // still 1 s short of 24 h after the last attempt
  clock_.advance(hours(24));
  auto allowed = start();
  ASSERT_TRUE(allowed.ok()) << allowed.error().technical;
  // The block was audited once, when it started, not at each refusal.
  EXPECT_EQ(audit(domain::audit_activity::kBlocked).size(), 1u);
}

TEST_F(ResetThrottleClockTest, AttemptsOlderThanAnHourNoLongerCount) {
  five_starts();  // at T .. T+4 s
  clock_.advance(hours(1));
  auto sixth = start();
  ASSERT_TRUE(sixth.ok()) << sixth.error().technical;
  EXPECT_TRUE(audit(domain::audit_activity::kBlocked).empty());
}

TEST_F(ResetThrottleClockTest, ASixthStartWithinTheHourIsRefused) {
  five_starts();
  clock_.advance(minutes(59));
  expect_blocked(start());
}

TEST_F(ResetThrottleClockTest, APhoneBlockCoversTheAccountUntilTwentyFourHoursAfterTheLast) {
  auto flow = start();
  ASSERT_TRUE(flow.ok());
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(send_sms(flow->id).ok()) << i;
  auto sixth = send_sms(flow->id);
  ASSERT_FALSE(sixth.ok());
  EXPECT_EQ(sixth.error().name, "ThrottledBlocked");
  EXPECT_EQ(notifier_.messages.size(), 5u);

  // Any reset attempt of the account is refused while blocked, and extends the block.
  clock_.advance(hours(24) - seconds(1));
  expect_blocked(start());
  clock_.advance(hours(24));
  auto again = start();
  ASSERT_TRUE(again.ok()) << again.error().technical;
  ASSERT_TRUE(send_sms(again->id).ok());  // the phone count is a day old: allowed
  EXPECT_EQ(audit(domain::audit_activity::kBlocked).size(), 1u);
}

// A reset attempt is a flow started: finishing a verified flow is not another attempt, so the
// fifth flow of the hour can still set its password.
TEST_F(ResetThrottleClockTest, TheFifthFlowOfTheHourCanStillBeFinished) {
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(start().ok()) << i;
  auto fifth = start();
  ASSERT_TRUE(fifth.ok()) << fifth.error().technical;
  ASSERT_TRUE(send_email(fifth->id).ok());
  auto verified = verify_email(fifth->id, notifier_.last_code());
  ASSERT_TRUE(verified.ok()) << verified.error().technical;
  auto done = reset_->set_password(ctx_, fifth->id, "Quartz-Lantern-Meadow-71", "en");
  ASSERT_TRUE(done.ok()) << done.error().technical;
  EXPECT_EQ(done->state, domain::reset::FlowState::kDone);
}

// But a block that started meanwhile (attempts from elsewhere) stops even a verified flow, and
// the refusal is audited on the flow.
TEST_F(ResetThrottleClockTest, ABlockStopsAVerifiedFlowFromSettingThePassword) {
  auto flow = start();
  ASSERT_TRUE(flow.ok());
  ASSERT_TRUE(send_email(flow->id).ok());
  ASSERT_TRUE(verify_email(flow->id, notifier_.last_code()).ok());
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(start().ok()) << i;
  expect_blocked(start());
  const auto refused_before = audit(domain::audit_activity::kFlowProgress).size();
  auto refused = reset_->set_password(ctx_, flow->id, "Quartz-Lantern-Meadow-71", "en");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().name, "ThrottledBlocked");
  EXPECT_EQ(audit(domain::audit_activity::kFlowProgress).size(), refused_before + 1);
  // Once the block has lifted the flow has long expired: the user starts again.
  clock_.advance(hours(24));
  auto again = start();
  ASSERT_TRUE(again.ok()) << again.error().technical;
}

}  // namespace
}  // namespace sspr::flows::testing
