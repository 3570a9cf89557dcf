#pragma once
// Throttling and blocking of self-service password reset (SPEC §7), as arithmetic over
// counts the store keeps (shared by every node; the store makes the counting exact).
//
// Per user account, in any rolling hour: 5 phone verifications (codes sent or numbers
// checked), 5 attempts at the security-questions gate, 5 password reset attempts; and at most
// 10 emails in any 10 minutes. The attempt that would exceed a limit is refused and blocks the
// account from SSPR for 24 hours after the LAST attempt: each attempt made while blocked is
// refused and moves the end of the block to 24 hours after it.

#include <chrono>
#include <optional>
#include <string_view>

namespace sspr::domain::throttling {

using TimePoint = std::chrono::system_clock::time_point;

enum class ThrottledAction {
  kPhoneVerification,        // a code sent by SMS or voice, or a typed number checked
  kSecurityQuestionAttempt,  // answers submitted at the security-questions gate
  kResetAttempt,             // a reset flow started (finishing a verified one is not an attempt)
  kEmailSent,                // a code or notice sent by email
};

// "PhoneVerification", ...: stable names for the store, audit details and metrics.
std::string_view action_name(ThrottledAction action);

struct ThrottleLimit {
  int max_attempts;
  std::chrono::seconds window;
};

ThrottleLimit limit_of(ThrottledAction action);

inline constexpr std::chrono::hours kBlockDuration{24};

struct ThrottleDecision {
  bool allowed = true;
  // Set when this attempt is refused: the block to record (24 h after this attempt).
  std::optional<TimePoint> blocked_until;
  // Whether this attempt starts the block (the audit's "Blocked from self-service password
  // reset" is written once, then), as opposed to extending an existing one.
  bool starts_block = false;
};

// Decides an attempt of `action` at `now`, given how many attempts of that action the account
// made in the limit's window before it (`earlier_in_window`) and the account's current block
// (`blocked_until`, if any). An allowed attempt must then be counted by the caller.
ThrottleDecision decide(ThrottledAction action, int earlier_in_window,
                        std::optional<TimePoint> blocked_until, TimePoint now);

// Whether an account is blocked at `now`.
bool is_blocked(std::optional<TimePoint> blocked_until, TimePoint now);

}  // namespace sspr::domain::throttling
