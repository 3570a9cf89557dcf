// The reset flow's states (SPEC §5): gates in order, distinct methods, no skipping, nothing
// accepted after the end or 15 minutes after the last step.

#include "domain/reset/reset_flow.h"

#include <gtest/gtest.h>

#include "domain/locale_catalogue.h"

namespace sspr::domain::reset {
namespace {

using methods::MethodType;
using namespace std::chrono_literals;

const TimePoint kStart = TimePoint{} + 1000h;

ResetFlow two_gate_flow() { return start_flow("f1", 1, 2, 2, "corr-1", kStart); }

PendingChallenge challenge(MethodType method) { return {method, "code-1", {}}; }

TEST(ResetFlow, StartsVerifyingWithNothingPassed) {
  auto flow = two_gate_flow();
  EXPECT_EQ(flow.state, FlowState::kVerifying);
  EXPECT_TRUE(flow.gates_passed.empty());
  EXPECT_EQ(flow.expires_at(), kStart + 15min);
}

TEST(ResetFlow, TwoDistinctGatesThenPasswordThenDone) {
  auto flow = begin_gate(two_gate_flow(), challenge(MethodType::kEmail), kStart + 1min);
  ASSERT_TRUE(flow);
  flow = pass_gate(*flow, MethodType::kEmail, kStart + 2min);
  ASSERT_TRUE(flow);
  EXPECT_EQ(flow->state, FlowState::kVerifying);
  EXPECT_FALSE(complete(*flow, kStart + 3min));  // a gate cannot be skipped

  // The same method cannot serve as the second gate.
  auto again = begin_gate(*flow, challenge(MethodType::kEmail), kStart + 3min);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().name, "GateAlreadyPassed");

  flow = begin_gate(*flow, challenge(MethodType::kMobilePhone), kStart + 3min);
  ASSERT_TRUE(flow);
  flow = pass_gate(*flow, MethodType::kMobilePhone, kStart + 4min);
  ASSERT_TRUE(flow);
  EXPECT_EQ(flow->state, FlowState::kVerified);
  EXPECT_EQ(flow->gates_passed,
            (std::vector<MethodType>{MethodType::kEmail, MethodType::kMobilePhone}));
  flow = complete(*flow, kStart + 5min);
  ASSERT_TRUE(flow);
  EXPECT_EQ(flow->state, FlowState::kDone);

  auto after = begin_gate(*flow, challenge(MethodType::kOfficePhone), kStart + 6min);
  ASSERT_FALSE(after);
  EXPECT_EQ(after.error().name, "ResetFlowFinished");
  EXPECT_FALSE(complete(*flow, kStart + 6min));
}

TEST(ResetFlow, OneGateFlowIsVerifiedAfterOneGate) {
  auto flow = start_flow("f2", 1, 2, 1, "c", kStart);
  auto step = begin_gate(flow, challenge(MethodType::kAppCode), kStart);
  step = pass_gate(*step, MethodType::kAppCode, kStart);
  ASSERT_TRUE(step);
  EXPECT_EQ(step->state, FlowState::kVerified);
  // No more gates once verified.
  EXPECT_FALSE(begin_gate(*step, challenge(MethodType::kEmail), kStart));
}

TEST(ResetFlow, PassingNeedsThePendingChallengeOfThatMethod) {
  auto flow = two_gate_flow();
  auto unasked = pass_gate(flow, MethodType::kEmail, kStart);
  ASSERT_FALSE(unasked);
  EXPECT_EQ(unasked.error().name, "NoChallengePending");
  auto asked = begin_gate(flow, challenge(MethodType::kEmail), kStart);
  EXPECT_FALSE(pass_gate(*asked, MethodType::kMobilePhone, kStart));
  // A challenge answered is consumed: the same answer cannot pass a second time.
  auto passed = pass_gate(*asked, MethodType::kEmail, kStart);
  ASSERT_TRUE(passed);
  EXPECT_FALSE(passed->pending);
  EXPECT_FALSE(pass_gate(*passed, MethodType::kEmail, kStart));
}

TEST(ResetFlow, ExpiresFifteenMinutesAfterTheLastStep) {
  auto flow = begin_gate(two_gate_flow(), challenge(MethodType::kEmail), kStart + 10min);
  ASSERT_TRUE(flow);
  EXPECT_EQ(flow->expires_at(), kStart + 25min);
  auto wrong = record_failed_attempt(*flow, MethodType::kEmail, kStart + 24min);
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->expires_at(), kStart + 39min);  // each step moves the expiry
  EXPECT_TRUE(pass_gate(*wrong, MethodType::kEmail, kStart + 39min - 1ms));
  auto late = pass_gate(*wrong, MethodType::kEmail, kStart + 39min);
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().name, "ResetFlowExpired");
}

TEST(ResetFlow, CancelledFlowAcceptsNothing) {
  auto flow = cancel(two_gate_flow(), kStart);
  ASSERT_TRUE(flow);
  EXPECT_EQ(flow->state, FlowState::kCancelled);
  EXPECT_FALSE(begin_gate(*flow, challenge(MethodType::kEmail), kStart));
  EXPECT_FALSE(cancel(*flow, kStart));
}

TEST(ResetFlow, StateNamesRoundTrip) {
  for (auto state :
       {FlowState::kVerifying, FlowState::kVerified, FlowState::kDone, FlowState::kCancelled}) {
    EXPECT_EQ(flow_state_from_string(to_string(state)), state);
  }
  EXPECT_FALSE(flow_state_from_string("expired"));
}

TEST(ResetFlow, EveryStepErrorHasATextInEveryLanguage) {
  std::vector<std::string> keys;
  for (const auto& error :
       {flow_expired(), flow_finished(), gate_already_passed(MethodType::kEmail),
        no_challenge_pending(MethodType::kEmail), gates_not_passed(0, 1)}) {
    keys.push_back(error.message_key);
  }
  EXPECT_EQ(sspr::testing::missing_locale_keys(keys), std::vector<std::string>{});
}

}  // namespace
}  // namespace sspr::domain::reset
