#pragma once
// Sign-in lockout of the self-service pages: the pure arithmetic, the store keeps the state.
//
//  - 10 wrong passwords (distinct ones) lock the account for sign-in for 1 minute;
//  - each further lockout doubles: 1, 2, 4, 8, ... minutes, capped at 60 minutes; the growth
//    starts over when the last lockout ended more than 24 hours ago;
//  - the same wrong password entered again counts once: the digests of the wrong passwords
//    of the current round are remembered (keyed digests, see flows::SignIn), and forgotten
//    when a lockout begins or a sign-in succeeds;
//  - wrong passwords are forgotten an hour after the last one (the count and the digests
//    start over), so the digests of wrong passwords are short-lived;
//  - a correct password resets everything;
//  - while locked, attempts are refused before the password is checked and do not count.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace sspr::domain {

struct SignInLockoutPolicy {
  int max_failures = 10;
  std::chrono::seconds first_lockout{60};
  std::chrono::seconds max_lockout{60 * 60};
  std::chrono::hours growth_memory{24};     // a round older than this starts growth over
  std::chrono::minutes failure_memory{60};  // wrong passwords older than this are forgotten
};

struct SignInFailures {
  int failures = 0;       // distinct wrong passwords counted in this round
  int lockout_round = 0;  // how many lockouts in a row (1 = the first)
  std::optional<std::chrono::system_clock::time_point> lockout_until;
  std::vector<std::string> recent_wrong;  // digests of this round's wrong passwords
  std::optional<std::chrono::system_clock::time_point> last_failure;
};

// The time left on a lockout at `now`; nullopt when not locked (a lockout ends at exactly
// lockout_until).
std::optional<std::chrono::seconds> lockout_remaining(const SignInFailures& state,
                                                      std::chrono::system_clock::time_point now);

// The length of lockout number `round` (1-based): first_lockout * 2^(round-1), capped.
std::chrono::seconds lockout_duration(int round, const SignInLockoutPolicy& policy);

// The state after a wrong password whose digest is `wrong_digest`. A digest already in
// recent_wrong changes nothing; the max_failures-th distinct one starts a lockout. A count whose
// last failure is failure_memory old or more starts over first.
SignInFailures record_wrong_password(SignInFailures state, const std::string& wrong_digest,
                                     std::chrono::system_clock::time_point now,
                                     const SignInLockoutPolicy& policy);

// The state after a successful sign-in: nothing remembered.
inline SignInFailures record_success() { return {}; }

}  // namespace sspr::domain
