// The zxcvbn estimator: scores on zxcvbn's guess thresholds, and the patterns it recognised
// become hints for the pages' suggestions.

#include "platform/zxcvbn_strength_estimator.h"

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace sspr::platform {
namespace {

using domain::StrengthHint;

bool has_hint(const domain::PasswordStrength& strength, StrengthHint hint) {
  return std::find(strength.hints.begin(), strength.hints.end(), hint) != strength.hints.end();
}

domain::PasswordStrength estimate(const std::string& password,
                                  std::vector<std::string> inputs = {}) {
  return ZxcvbnStrengthEstimator().estimate(password, inputs);
}

// A walk that is not itself in zxcvbn's dictionaries ("qwerty" is, and counts as a word).
TEST(ZxcvbnStrengthEstimator, KeyboardWalkIsWeakAndNamedAsAKeyboardPattern) {
  auto strength = estimate(";lkjhgf");
  EXPECT_LE(strength.score, 1);
  EXPECT_TRUE(has_hint(strength, StrengthHint::kKeyboardPattern));
  EXPECT_TRUE(has_hint(strength, StrengthHint::kTooShort));
}

TEST(ZxcvbnStrengthEstimator, DictionaryKeyboardWalkIsACommonWord) {
  EXPECT_TRUE(has_hint(estimate("qwertyuiop"), StrengthHint::kCommonWord));
}

TEST(ZxcvbnStrengthEstimator, SequenceIsNamed) {
  EXPECT_TRUE(has_hint(estimate("abcdefgh"), StrengthHint::kSequence));
}

TEST(ZxcvbnStrengthEstimator, RepeatedCharactersAreNamed) {
  EXPECT_TRUE(has_hint(estimate("zzzzzzzzzz"), StrengthHint::kRepeatedCharacters));
}

TEST(ZxcvbnStrengthEstimator, CommonPasswordIsNamedAsACommonWord) {
  auto strength = estimate("password");
  EXPECT_EQ(strength.score, 0);
  EXPECT_TRUE(has_hint(strength, StrengthHint::kCommonWord));
}

TEST(ZxcvbnStrengthEstimator, LeetSubstitutionIsNamed) {
  EXPECT_TRUE(has_hint(estimate("p@ssw0rd"), StrengthHint::kPredictableSubstitution));
}

TEST(ZxcvbnStrengthEstimator, UserInputsAreNamedAsPersonalInformation) {
  auto strength = estimate("henrikson", {"henrikson"});
  EXPECT_TRUE(has_hint(strength, StrengthHint::kPersonalInformation));
}

TEST(ZxcvbnStrengthEstimator, YearIsNamedAsADate) {
  EXPECT_TRUE(has_hint(estimate("Summer1987"), StrengthHint::kDate));
  EXPECT_TRUE(has_hint(estimate("03/12/1987"), StrengthHint::kDate));
}

TEST(ZxcvbnStrengthEstimator, StrongPassphraseHasScoreFourAndNoHints) {
  auto strength = estimate("Correct-Horse-Battery-Staple-Vinyl-42");
  EXPECT_EQ(strength.score, 4);
  EXPECT_TRUE(strength.hints.empty());
}

TEST(ZxcvbnStrengthEstimator, EachHintAtMostOnce) {
  auto strength = estimate("qwertyqwertyqwerty");
  auto hints = strength.hints;
  std::sort(hints.begin(), hints.end());
  EXPECT_EQ(std::adjacent_find(hints.begin(), hints.end()), hints.end());
}

}  // namespace
}  // namespace sspr::platform
