#include "platform/zxcvbn_strength_estimator.h"

#include <zxcvbn.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace sspr::platform {

domain::PasswordStrength ZxcvbnStrengthEstimator::estimate(
    std::string_view password, std::span<const std::string> user_inputs) const {
  // zxcvbn takes NUL-terminated strings: a password with an embedded NUL is measured up to it.
  const std::string text(password);
  std::vector<const char*> dictionary;
  for (const auto& input : user_inputs) {
    if (!input.empty()) dictionary.push_back(input.c_str());
  }
  dictionary.push_back(nullptr);
  const double bits = ZxcvbnMatch(text.c_str(), dictionary.data(), nullptr);
  const double guesses_log10 = std::max(0.0, bits * std::log10(2.0));
  // zxcvbn's scoring: guesses < 10^3, 10^6, 10^8, 10^10 give 0, 1, 2, 3; more gives 4.
  int score = 4;
  if (guesses_log10 < 3) {
    score = 0;
  } else if (guesses_log10 < 6) {
    score = 1;
  } else if (guesses_log10 < 8) {
    score = 2;
  } else if (guesses_log10 < 10) {
    score = 3;
  }
  return {score, std::round(guesses_log10 * 100) / 100};
}

}  // namespace sspr::platform
