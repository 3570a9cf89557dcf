#pragma once
// Port: an estimate of how hard a password is to guess (zxcvbn-style), shown to
// administrators and users as advice. It never decides acceptance: the policy of SPEC §8
// does (domain/password/password_policy.h).

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sspr::domain {

// What made a password guessable, for advice shown beside the verdict. Each is the kind of
// a pattern the estimator recognised in the password (at most once each, in this order).
enum class StrengthHint {
  kCommonWord,               // a dictionary word or common password
  kPredictableSubstitution,  // a word with l33t substitutions ("p@ssw0rd")
  kPersonalInformation,      // the user's or the organisation's name
  kRepeatedCharacters,       // "aaa", "abcabc"
  kSequence,                 // "abcd", "1234", "9876"
  kKeyboardPattern,          // "qwerty", "zxcvbn", "1qaz"
  kDate,                     // dates and years
  kTooShort,                 // not guessable by pattern, but too short to be strong
};

// "CommonWord", "KeyboardPattern", ...: the stable name used in JSON and message keys
// ("strength.hint.<name>").
std::string_view strength_hint_name(StrengthHint hint);

struct PasswordStrength {
  int score = 0;                    // 0 (too guessable) .. 4 (very unguessable)
  double guesses_log10 = 0;         // log10 of the estimated number of guesses
  std::vector<StrengthHint> hints;  // empty when score is 4
};

class PasswordStrengthEstimator {
 public:
  virtual ~PasswordStrengthEstimator() = default;
  // `user_inputs` are words the attacker may know (user names, tenant name); may be empty.
  virtual PasswordStrength estimate(std::string_view password,
                                    std::span<const std::string> user_inputs) const = 0;
};

}  // namespace sspr::domain
