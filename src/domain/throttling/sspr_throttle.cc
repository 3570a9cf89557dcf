#include "domain/throttling/sspr_throttle.h"

namespace sspr::domain::throttling {

using namespace std::chrono_literals;

std::string_view action_name(ThrottledAction action) {
  switch (action) {
    case ThrottledAction::kPhoneVerification:
      return "PhoneVerification";
    case ThrottledAction::kSecurityQuestionAttempt:
      return "SecurityQuestionAttempt";
    case ThrottledAction::kResetAttempt:
      return "ResetAttempt";
    case ThrottledAction::kEmailSent:
      return "EmailSent";
  }
  return "";
}

ThrottleLimit limit_of(ThrottledAction action) {
  switch (action) {
    case ThrottledAction::kPhoneVerification:
    case ThrottledAction::kSecurityQuestionAttempt:
    case ThrottledAction::kResetAttempt:
      return {5, std::chrono::seconds(1h)};
    case ThrottledAction::kEmailSent:
      return {10, std::chrono::seconds(10min)};
  }
  return {5, std::chrono::seconds(1h)};
}

bool is_blocked(std::optional<TimePoint> blocked_until, TimePoint now) {
  return blocked_until && now < *blocked_until;
}

ThrottleDecision decide(ThrottledAction action, int earlier_in_window,
                        std::optional<TimePoint> blocked_until, TimePoint now) {
  if (is_blocked(blocked_until, now)) {
    return {false, now + kBlockDuration, false};
  }
  if (earlier_in_window >= limit_of(action).max_attempts) {
    return {false, now + kBlockDuration, true};
  }
  return {true, std::nullopt, false};
}

}  // namespace sspr::domain::throttling
