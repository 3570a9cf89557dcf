// A reset flow expires 15 minutes after its last step (SPEC §5) and then accepts nothing:
// PasswordReset over the real SQLite store, with the clock moved by the test.
#include <gtest/gtest.h>

#include "flows/reset_flow_fixture.h"

namespace sspr::flows::testing {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

class ResetFlowExpiryTest : public ResetFlowFixture {};

TEST_F(ResetFlowExpiryTest, AStepJustBeforeTheIdleLimitIsAcceptedAndRestartsIt) {
  auto started = start();
  ASSERT_TRUE(started.ok()) << started.error().technical;
  clock_.advance(minutes(15) - seconds(1));
  ASSERT_TRUE(send_email(started->id).ok());
  // 24 minutes after the start: the idle time counts from the challenge (and the code is
  // within its own 10 minutes).
  clock_.advance(minutes(9));
  auto verified = verify_email(started->id, notifier_.last_code());
  ASSERT_TRUE(verified.ok()) << verified.error().technical;
  EXPECT_EQ(verified->state, domain::reset::FlowState::kVerified);
}

TEST_F(ResetFlowExpiryTest, AChallengeAfterFifteenIdleMinutesIsRefusedAndSendsNothing) {
  auto started = start();
  ASSERT_TRUE(started.ok());
  clock_.advance(minutes(15));
  auto sent = send_email(started->id);
  ASSERT_FALSE(sent.ok());
  EXPECT_EQ(sent.error().name, "ResetFlowExpired");
  auto sms = send_sms(started->id);
  ASSERT_FALSE(sms.ok());
  EXPECT_EQ(sms.error().name, "ResetFlowExpired");
  EXPECT_TRUE(notifier_.messages.empty());
}

TEST_F(ResetFlowExpiryTest, TheRightCodeAfterExpiryDoesNotPassTheGate) {
  auto started = start();
  ASSERT_TRUE(started.ok());
  ASSERT_TRUE(send_email(started->id).ok());
  clock_.advance(minutes(15));
  auto verified = verify_email(started->id, notifier_.last_code());
  ASSERT_FALSE(verified.ok());
  EXPECT_EQ(verified.error().name, "ResetFlowExpired");
  auto view = reset_->get(started->id, "en");
  ASSERT_TRUE(view.ok());
  EXPECT_TRUE(view->gates_passed.empty());
}

TEST_F(ResetFlowExpiryTest, AVerifiedFlowLeftIdleCannotSetThePassword) {
  auto started = start();
  ASSERT_TRUE(started.ok());
  ASSERT_TRUE(send_email(started->id).ok());
  ASSERT_TRUE(verify_email(started->id, notifier_.last_code()).ok());
  clock_.advance(minutes(16));
  auto done = reset_->set_password(ctx_, started->id, "Quartz-Violin-8-Tundra", "en");
  ASSERT_FALSE(done.ok());
  EXPECT_EQ(done.error().name, "ResetFlowExpired");
  EXPECT_TRUE(audit(domain::audit_activity::kResetSelfService).empty());
  // A new flow works: expiry ends the flow, not the user's right to reset.
  auto again = start();
  ASSERT_TRUE(again.ok()) << again.error().technical;
  EXPECT_NE(again->id, started->id);
}

}  // namespace
}  // namespace sspr::flows::testing
