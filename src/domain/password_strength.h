#pragma once
// Port: an estimate of how hard a password is to guess (zxcvbn-style), shown to
// administrators and users as advice. It never decides acceptance: the policy of SPEC §8
// does (domain/password/password_policy.h).

#include <span>
#include <string>
#include <string_view>

namespace sspr::domain {

struct PasswordStrength {
  int score = 0;             // 0 (too guessable) .. 4 (very unguessable)
  double guesses_log10 = 0;  // log10 of the estimated number of guesses
};

class PasswordStrengthEstimator {
 public:
  virtual ~PasswordStrengthEstimator() = default;
  // `user_inputs` are words the attacker may know (user names, tenant name); may be empty.
  virtual PasswordStrength estimate(std::string_view password,
                                    std::span<const std::string> user_inputs) const = 0;
};

}  // namespace sspr::domain
