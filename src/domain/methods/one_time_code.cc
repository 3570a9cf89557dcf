#include "domain/methods/one_time_code.h"

namespace sspr::domain::methods {

int code_digits(Channel channel) { return channel == Channel::kEmail ? 8 : 6; }

std::string generate_code(Random& random, Channel channel) {
  std::string code;
  const int digits = code_digits(channel);
  code.reserve(static_cast<std::size_t>(digits));
  for (int i = 0; i < digits; ++i) code.push_back(static_cast<char>('0' + random.uniform(10)));
  return code;
}

OneTimeCodeState issue_code(std::string code_digest, Channel channel,
                            std::chrono::system_clock::time_point now) {
  return OneTimeCodeState{std::move(code_digest), channel, now, 0, false};
}

std::string_view to_string(CodeOutcome outcome) {
  switch (outcome) {
    case CodeOutcome::kAccepted:
      return "accepted";
    case CodeOutcome::kWrong:
      return "wrong";
    case CodeOutcome::kExpired:
      return "expired";
    case CodeOutcome::kLocked:
      return "locked";
    case CodeOutcome::kAlreadyUsed:
      return "already_used";
  }
  return "unknown";
}

CodeVerification verify_code(const OneTimeCodeState& state, bool presented_digest_matches,
                             std::chrono::system_clock::time_point now) {
  if (state.consumed) return {CodeOutcome::kAlreadyUsed, state, 0};
  if (state.wrong_entries >= kMaxWrongCodeEntries) return {CodeOutcome::kLocked, state, 0};
  const int left = kMaxWrongCodeEntries - state.wrong_entries;
  if (now >= state.expires_at()) return {CodeOutcome::kExpired, state, left};
  OneTimeCodeState next = state;
  if (presented_digest_matches) {
    next.consumed = true;
    return {CodeOutcome::kAccepted, next, 0};
  }
  ++next.wrong_entries;
  if (next.wrong_entries >= kMaxWrongCodeEntries) return {CodeOutcome::kLocked, next, 0};
  return {CodeOutcome::kWrong, next, kMaxWrongCodeEntries - next.wrong_entries};
}

}  // namespace sspr::domain::methods
