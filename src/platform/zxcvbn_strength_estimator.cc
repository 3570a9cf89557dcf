#include "platform/zxcvbn_strength_estimator.h"

#include <zxcvbn.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

namespace sspr::platform {

namespace {

using domain::StrengthHint;

constexpr std::size_t kHintCount = static_cast<std::size_t>(StrengthHint::kTooShort) + 1;
// Below this many characters a weak password is also told to be longer.
constexpr std::size_t kShortBelow = 12;

// Which kinds of pattern zxcvbn recognised, indexed by StrengthHint.
std::array<bool, kHintCount> patterns_found(const ZxcMatch_t* match) {
  std::array<bool, kHintCount> found{};
  for (; match != nullptr; match = match->Next) {
    // MULTIPLE_MATCH is a flag added to the type when the matched part repeats.
    const int type = static_cast<int>(match->Type) & ~static_cast<int>(MULTIPLE_MATCH);
    if (static_cast<int>(match->Type) & static_cast<int>(MULTIPLE_MATCH)) {
      found[static_cast<std::size_t>(StrengthHint::kRepeatedCharacters)] = true;
    }
    std::optional<StrengthHint> hint;
    switch (type) {
      case DICTIONARY_MATCH:
        hint = StrengthHint::kCommonWord;
        break;
      case DICT_LEET_MATCH:
        hint = StrengthHint::kPredictableSubstitution;
        break;
      case USER_MATCH:
      case USER_LEET_MATCH:
        hint = StrengthHint::kPersonalInformation;
        break;
      case REPEATS_MATCH:
        hint = StrengthHint::kRepeatedCharacters;
        break;
      case SEQUENCE_MATCH:
        hint = StrengthHint::kSequence;
        break;
      case SPATIAL_MATCH:
        hint = StrengthHint::kKeyboardPattern;
        break;
      case DATE_MATCH:
      case YEAR_MATCH:
        hint = StrengthHint::kDate;
        break;
      default:
        break;
    }
    if (hint) found[static_cast<std::size_t>(*hint)] = true;
  }
  return found;
}

std::size_t code_points(std::string_view text) {
  std::size_t count = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80) ++count;
  }
  return count;
}

}  // namespace

domain::PasswordStrength ZxcvbnStrengthEstimator::estimate(
    std::string_view password, std::span<const std::string> user_inputs) const {
  // zxcvbn takes NUL-terminated strings: a password with an embedded NUL is measured up to it.
  const std::string text(password);
  std::vector<const char*> dictionary;
  for (const auto& input : user_inputs) {
    if (!input.empty()) dictionary.push_back(input.c_str());
  }
  dictionary.push_back(nullptr);
  ZxcMatch_t* matches = nullptr;
  const double bits = ZxcvbnMatch(text.c_str(), dictionary.data(), &matches);
  const auto found = patterns_found(matches);
  ZxcvbnFreeInfo(matches);
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
  domain::PasswordStrength strength{score, std::round(guesses_log10 * 100) / 100, {}};
  if (score == 4) return strength;
  for (std::size_t i = 0; i < found.size(); ++i) {
    if (found[i]) strength.hints.push_back(static_cast<domain::StrengthHint>(i));
  }
  if (score < 3 && code_points(password) < kShortBelow) {
    strength.hints.push_back(domain::StrengthHint::kTooShort);
  }
  return strength;
}

}  // namespace sspr::platform
