// How a verified flow may end (SPEC §5.2): "forgot" by a new password or an unlock,
// "locked_out" by an unlock only; and what a code that failed to send opens (SPEC §5.6).

#include <gtest/gtest.h>

#include "domain/locale_catalogue.h"
#include "domain/reset/reset_flow.h"

namespace sspr::domain::reset {
namespace {

using methods::MethodType;
using namespace std::chrono_literals;

const TimePoint kStart = TimePoint{} + 1000h;

ResetFlow verified(ResetReason reason) {
  auto flow = start_flow("f1", 1, 2, 1, "corr-1", kStart, reason);
  auto step = begin_gate(flow, {MethodType::kEmail, "code-1", {}}, kStart + 1min);
  step = pass_gate(*step, MethodType::kEmail, kStart + 2min);
  EXPECT_TRUE(step);
  return *step;
}

TEST(ResetReason, NamesRoundTripAndDefaultIsForgot) {
  EXPECT_EQ(to_string(ResetReason::kForgot), "forgot");
  EXPECT_EQ(to_string(ResetReason::kLockedOut), "locked_out");
  EXPECT_EQ(reset_reason_from_string("locked_out"), ResetReason::kLockedOut);
  EXPECT_EQ(reset_reason_from_string("forgot"), ResetReason::kForgot);
  EXPECT_FALSE(reset_reason_from_string("Forgot"));
  EXPECT_FALSE(reset_reason_from_string(""));
  EXPECT_EQ(start_flow("f", 1, 2, 1, "c", kStart).reason, ResetReason::kForgot);
}

TEST(ResetReason, LockedOutFlowCanOnlyUnlock) {
  auto flow = verified(ResetReason::kLockedOut);
  auto password = complete(flow, kStart + 3min);
  ASSERT_FALSE(password);
  EXPECT_EQ(password.error().name, "ResetFlowIsUnlockOnly");
  auto unlocked = complete_unlock(flow, kStart + 3min);
  ASSERT_TRUE(unlocked);
  EXPECT_EQ(unlocked->state, FlowState::kDone);
  EXPECT_EQ(complete_unlock(*unlocked, kStart + 4min).error().name, "ResetFlowFinished");
}

TEST(ResetReason, ForgotFlowEndsByPasswordOrUnlock) {
  EXPECT_TRUE(complete(verified(ResetReason::kForgot), kStart + 3min));
  EXPECT_TRUE(complete_unlock(verified(ResetReason::kForgot), kStart + 3min));
}

TEST(ResetReason, UnlockNeedsEveryGateAndAnOpenFlow) {
  auto flow = start_flow("f1", 1, 2, 2, "corr-1", kStart, ResetReason::kLockedOut);
  auto early = complete_unlock(flow, kStart + 1min);
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().name, "GatesNotPassed");
  auto late = complete_unlock(verified(ResetReason::kLockedOut), kStart + 2min + 15min);
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().name, "ResetFlowExpired");
}

TEST(AdministratorHelp, NeedsAFailedSendInAnOpenFlow) {
  auto flow = start_flow("f1", 1, 2, 1, "corr-1", kStart);
  auto early = request_admin_help(flow, kStart + 1min);
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().name, "ContactAdminNotAvailable");

  auto failed = record_send_failure(flow, kStart + 1min);
  ASSERT_TRUE(failed);
  EXPECT_EQ(failed->send_failed_at, kStart + 1min);
  EXPECT_EQ(failed->expires_at(), kStart + 16min);
  EXPECT_EQ(failed->state, FlowState::kVerifying);
  auto asked = request_admin_help(*failed, kStart + 2min);
  ASSERT_TRUE(asked);
  EXPECT_EQ(asked->expires_at(), kStart + 17min);  // a step like any other

  auto expired = request_admin_help(*failed, kStart + 16min);
  ASSERT_FALSE(expired);
  EXPECT_EQ(expired.error().name, "ResetFlowExpired");
  auto finished = cancel(*failed, kStart + 2min);
  EXPECT_EQ(request_admin_help(*finished, kStart + 3min).error().name, "ResetFlowFinished");
  EXPECT_EQ(record_send_failure(*finished, kStart + 3min).error().name, "ResetFlowFinished");
}

TEST(AdministratorHelp, SendFailureKeepsThePendingChallenge) {
  auto flow = start_flow("f1", 1, 2, 1, "corr-1", kStart);
  auto asked = begin_gate(flow, {MethodType::kEmail, "code-1", {}}, kStart);
  auto failed = record_send_failure(*asked, kStart + 1min);
  ASSERT_TRUE(failed && failed->pending);
  EXPECT_EQ(failed->pending->code_id, "code-1");
}

TEST(ResetReason, NewRefusalsHaveATextInEveryLanguage) {
  std::vector<std::string> keys;
  for (const auto& error : {flow_is_unlock_only(), contact_admin_not_available()}) {
    EXPECT_EQ(error.kind, ErrorKind::kConflict) << error.name;
    EXPECT_EQ(error.message_key, "error." + error.name);
    keys.push_back(error.message_key);
  }
  EXPECT_EQ(sspr::testing::missing_locale_keys(keys), std::vector<std::string>{});
}

}  // namespace
}  // namespace sspr::domain::reset
