#include "domain/sign_in_lockout.h"

#include <gtest/gtest.h>

namespace sspr::domain {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;
using TimePoint = std::chrono::system_clock::time_point;

const TimePoint kStart{seconds(1'800'000'000)};
const SignInLockoutPolicy kPolicy;

SignInFailures wrong_times(SignInFailures state, int count, TimePoint now,
                           const std::string& prefix = "d") {
  for (int i = 0; i < count; ++i) {
    state = record_wrong_password(state, prefix + std::to_string(i), now, kPolicy);
  }
  return state;
}

TEST(SignInLockout, NineWrongPasswordsDoNotLockTheTenthDoes) {
  auto state = wrong_times({}, 9, kStart);
  EXPECT_EQ(state.failures, 9);
  EXPECT_FALSE(lockout_remaining(state, kStart));
  state = record_wrong_password(state, "tenth", kStart, kPolicy);
  ASSERT_TRUE(lockout_remaining(state, kStart));
  EXPECT_EQ(*lockout_remaining(state, kStart), seconds(60));
  EXPECT_EQ(state.lockout_round, 1);
  EXPECT_EQ(state.failures, 0);
  EXPECT_TRUE(state.recent_wrong.empty());
}

TEST(SignInLockout, LockoutEndsAfterExactlyOneMinute) {
  const auto state = wrong_times({}, 10, kStart);
  EXPECT_EQ(*lockout_remaining(state, kStart + seconds(59)), seconds(1));
  EXPECT_EQ(*lockout_remaining(state, kStart + std::chrono::milliseconds(59'001)), seconds(1));
  EXPECT_FALSE(lockout_remaining(state, kStart + seconds(60)));
}

TEST(SignInLockout, RepeatedLockoutsDoubleUpToTheCap) {
  EXPECT_EQ(lockout_duration(1, kPolicy), seconds(60));
  EXPECT_EQ(lockout_duration(2, kPolicy), seconds(120));
  EXPECT_EQ(lockout_duration(3, kPolicy), seconds(240));
  EXPECT_EQ(lockout_duration(6, kPolicy), seconds(1920));
  EXPECT_EQ(lockout_duration(7, kPolicy), seconds(3600));
  EXPECT_EQ(lockout_duration(50, kPolicy), seconds(3600));

  auto now = kStart;
  auto state = wrong_times({}, 10, now, "a");
  now += minutes(1);
  state = wrong_times(state, 10, now, "b");
  EXPECT_EQ(state.lockout_round, 2);
  EXPECT_EQ(*lockout_remaining(state, now), seconds(120));
  now += minutes(2);
  state = wrong_times(state, 10, now, "c");
  EXPECT_EQ(*lockout_remaining(state, now), seconds(240));
}

TEST(SignInLockout, GrowthStartsOverADayAfterTheLastLockout) {
  auto state = wrong_times({}, 10, kStart, "a");
  const auto later = kStart + minutes(1) + std::chrono::hours(24) + seconds(1);
  state = wrong_times(state, 10, later, "b");
  EXPECT_EQ(state.lockout_round, 1);
  EXPECT_EQ(*lockout_remaining(state, later), seconds(60));
}

TEST(SignInLockout, TheSameWrongPasswordCountsOnce) {
  SignInFailures state;
  for (int i = 0; i < 20; ++i) state = record_wrong_password(state, "same", kStart, kPolicy);
  EXPECT_EQ(state.failures, 1);
  EXPECT_FALSE(lockout_remaining(state, kStart));
  state = wrong_times(state, 8, kStart);
  EXPECT_EQ(state.failures, 9);
  state = record_wrong_password(state, "same", kStart, kPolicy);
  EXPECT_FALSE(lockout_remaining(state, kStart));
}

TEST(SignInLockout, WrongPasswordsAreForgottenAnHourAfterTheLastOne) {
  auto state = wrong_times({}, 9, kStart);
  auto later = record_wrong_password(state, "d0", kStart + minutes(59), kPolicy);
  EXPECT_EQ(later.failures, 9);  // still remembered: the repeat is not counted
  later = record_wrong_password(state, "new", kStart + minutes(60), kPolicy);
  EXPECT_EQ(later.failures, 1);
  EXPECT_EQ(later.recent_wrong, std::vector<std::string>{"new"});
  EXPECT_FALSE(lockout_remaining(later, kStart + minutes(60)));
}

TEST(SignInLockout, SuccessResetsTheCount) {
  auto state = wrong_times({}, 9, kStart);
  state = record_success();
  state = wrong_times(state, 9, kStart, "x");
  EXPECT_FALSE(lockout_remaining(state, kStart));
  EXPECT_EQ(state.failures, 9);
}

}  // namespace
}  // namespace sspr::domain
