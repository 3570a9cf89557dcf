#include "domain/sign_in_lockout.h"

#include <algorithm>

namespace sspr::domain {

std::optional<std::chrono::seconds> lockout_remaining(const SignInFailures& state,
                                                      std::chrono::system_clock::time_point now) {
  if (!state.lockout_until || now >= *state.lockout_until) return std::nullopt;
  // Rounded up, so "0 seconds left" is never shown while still locked.
  const auto left = *state.lockout_until - now;
  auto seconds = std::chrono::ceil<std::chrono::seconds>(left);
  return seconds;
}

std::chrono::seconds lockout_duration(int round, const SignInLockoutPolicy& policy) {
  auto duration = policy.first_lockout;
  for (int i = 1; i < round && duration < policy.max_lockout; ++i) duration *= 2;
  return std::min(duration, policy.max_lockout);
}

SignInFailures record_wrong_password(SignInFailures state, const std::string& wrong_digest,
                                     std::chrono::system_clock::time_point now,
                                     const SignInLockoutPolicy& policy) {
  if (state.last_failure && now - *state.last_failure >= policy.failure_memory) {
    state.failures = 0;
    state.recent_wrong.clear();
  }
  if (std::find(state.recent_wrong.begin(), state.recent_wrong.end(), wrong_digest) !=
      state.recent_wrong.end()) {
    return state;
  }
  state.failures += 1;
  state.recent_wrong.push_back(wrong_digest);
  state.last_failure = now;
  if (state.failures < policy.max_failures) return state;
  const bool growth_forgotten =
      state.lockout_until && now - *state.lockout_until > policy.growth_memory;
  state.lockout_round = growth_forgotten ? 1 : state.lockout_round + 1;
  state.lockout_until = now + lockout_duration(state.lockout_round, policy);
  state.failures = 0;
  state.recent_wrong.clear();
  return state;
}

}  // namespace sspr::domain
