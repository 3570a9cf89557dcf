#include "domain/onprem/connection_status.h"

#include <gtest/gtest.h>

#include "domain/onprem/writeback_errors.h"

namespace sspr::domain::onprem {
namespace {

TEST(ConnectionStatus, OutcomesMapToStates) {
  EXPECT_EQ(state_of_outcome(std::nullopt), ConnectionState::kUp);
  EXPECT_EQ(state_of_outcome(connectivity_error("down")), ConnectionState::kUnreachable);
  EXPECT_EQ(state_of_outcome(admin_action_required("bad")), ConnectionState::kMisconfigured);
  EXPECT_EQ(state_of_outcome(policy_violation("short")), std::nullopt);
}

TEST(ConnectionStatus, SinceMovesOnlyWhenTheStateChanges) {
  auto first = next_status(std::nullopt, ConnectionState::kUnreachable, "down", "T1");
  EXPECT_EQ(first.since, "T1");
  auto again = next_status(first, ConnectionState::kUnreachable, "still down", "T2");
  EXPECT_EQ(again.since, "T1");
  EXPECT_EQ(again.checked_at, "T2");
  EXPECT_EQ(again.reason, "still down");
  auto up = next_status(again, ConnectionState::kUp, "ignored", "T3");
  EXPECT_EQ(up.since, "T3");
  EXPECT_EQ(up.reason, "");
  EXPECT_EQ(parse_connection_state("unreachable"), ConnectionState::kUnreachable);
  EXPECT_EQ(parse_connection_state("bogus"), std::nullopt);
}

}  // namespace
}  // namespace sspr::domain::onprem
