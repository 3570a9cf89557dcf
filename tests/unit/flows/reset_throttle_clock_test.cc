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

}  // namespace
}  // namespace sspr::flows::testing
