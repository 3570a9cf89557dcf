#pragma once
// One-time verification codes (SPEC §3): 6 digits by SMS and voice, 8 by email; valid for
// 10 minutes from issue; at most 3 wrong entries, the third locks the code; single use.
//
// The store persists a OneTimeCodeState (never the code itself: `code_digest` is the keyed
// digest the caller computed when issuing). To check an entry, the caller digests what the
// user typed, compares the two digests in constant time, and passes the result to
// verify_code(), then persists the returned state — even for kWrong, so the wrong-entry count
// survives across nodes. Outcomes are checked in this order, so each is unambiguous:
//   kAlreadyUsed  the code was accepted before (state unchanged)
//   kLocked       3 wrong entries were made before (state unchanged)
//   kExpired      now >= issued_at + 10 minutes (state unchanged)
//   kAccepted     the digest matched; the state is now consumed
//   kWrong        the digest did not match; one more wrong entry, attempts remain
//   kLocked       the digest did not match and that was the 3rd wrong entry

#include <chrono>
#include <string>

#include "domain/methods/method_type.h"
#include "domain/random.h"

namespace sspr::domain::methods {

inline constexpr std::chrono::minutes kCodeLifetime{10};
inline constexpr int kMaxWrongCodeEntries = 3;

// 6 for kSms and kVoice, 8 for kEmail.
int code_digits(Channel channel);

// A code of code_digits(channel) uniformly random decimal digits (leading zeros kept).
std::string generate_code(Random& random, Channel channel);

struct OneTimeCodeState {
  std::string code_digest;
  Channel channel = Channel::kEmail;
  std::chrono::system_clock::time_point issued_at;
  int wrong_entries = 0;
  bool consumed = false;

  std::chrono::system_clock::time_point expires_at() const { return issued_at + kCodeLifetime; }
  friend bool operator==(const OneTimeCodeState&, const OneTimeCodeState&) = default;
};

// The state of a freshly issued code.
OneTimeCodeState issue_code(std::string code_digest, Channel channel,
                            std::chrono::system_clock::time_point now);

enum class CodeOutcome { kAccepted, kWrong, kExpired, kLocked, kAlreadyUsed };

// "accepted", "wrong", "expired", "locked", "already_used" (for audit details and the API).
std::string_view to_string(CodeOutcome outcome);

struct CodeVerification {
  CodeOutcome outcome;
  OneTimeCodeState state;  // persist this
  int attempts_left;       // wrong entries still allowed (0 once locked or consumed)
};

CodeVerification verify_code(const OneTimeCodeState& state, bool presented_digest_matches,
                             std::chrono::system_clock::time_point now);

}  // namespace sspr::domain::methods
