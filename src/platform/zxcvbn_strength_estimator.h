#pragma once
// PasswordStrengthEstimator over the zxcvbn C library (libzxcvbn, Debian's "zxcvbn-c"). Its
// C API reports the estimated entropy and the patterns it matched, but no feedback texts as
// in zxcvbn.js: the score is derived here from the guesses with zxcvbn's thresholds, and the
// matched pattern kinds become StrengthHints, which the pages show as localised suggestions.

#include "domain/password_strength.h"

namespace sspr::platform {

class ZxcvbnStrengthEstimator final : public domain::PasswordStrengthEstimator {
 public:
  domain::PasswordStrength estimate(std::string_view password,
                                    std::span<const std::string> user_inputs) const override;
};

}  // namespace sspr::platform
