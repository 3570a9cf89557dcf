#include "domain/password/password_complexity.h"

#include <gtest/gtest.h>

namespace sspr::domain::password {
namespace {

using Reasons = std::vector<PasswordReason>;

TEST(PasswordComplexity, EightCharactersIsTheMinimum) {
  EXPECT_EQ(complexity_reasons(U"Abcdef1"), Reasons{PasswordReason::kTooShort});
  EXPECT_EQ(complexity_reasons(U"Abcdef12"), Reasons{});
}

TEST(PasswordComplexity, TwoHundredFiftySixCharactersIsTheMaximum) {
  std::u32string password = U"Ab1";
  password.resize(256, U'x');
  EXPECT_EQ(complexity_reasons(password), Reasons{});
  password.push_back(U'x');
  EXPECT_EQ(complexity_reasons(password), Reasons{PasswordReason::kTooLong});
}

TEST(PasswordComplexity, LengthCountsCodePoints) {
  EXPECT_EQ(complexity_reasons(U"Åbcdef1"), Reasons{PasswordReason::kTooShort});  // 8 bytes
  EXPECT_EQ(complexity_reasons(U"Åbcdef12"), Reasons{});
}

TEST(PasswordComplexity, ThreeOfFourClasses) {
  EXPECT_EQ(character_classes(U"abcdefgh"), 1);
  EXPECT_EQ(complexity_reasons(U"abcdEFGH"), Reasons{PasswordReason::kNotEnoughCharacterClasses});
  EXPECT_EQ(complexity_reasons(U"abcd1234"), Reasons{PasswordReason::kNotEnoughCharacterClasses});
  EXPECT_EQ(complexity_reasons(U"abcd!@#$"), Reasons{PasswordReason::kNotEnoughCharacterClasses});
  EXPECT_EQ(complexity_reasons(U"abcdEF12"), Reasons{});
  EXPECT_EQ(complexity_reasons(U"abcdEF!!"), Reasons{});
  EXPECT_EQ(complexity_reasons(U"abcd12!!"), Reasons{});
  EXPECT_EQ(complexity_reasons(U"ABCD12!!"), Reasons{});
  EXPECT_EQ(character_classes(U"aB1!"), 4);
}

TEST(PasswordComplexity, SpaceAndNonAsciiAreSymbols) {
  EXPECT_EQ(complexity_reasons(U"abcd EFG"), Reasons{});
  EXPECT_EQ(complexity_reasons(U"abcdæøåX"), Reasons{});  // lower, symbol (æøå), upper
  EXPECT_EQ(character_classes(U"ÆØÅ"), 1);                // even non-ASCII capitals
}

TEST(PasswordComplexity, ReportsEveryFailure) {
  EXPECT_EQ(complexity_reasons(U"abc"),
            (Reasons{PasswordReason::kTooShort, PasswordReason::kNotEnoughCharacterClasses}));
  EXPECT_EQ(complexity_reasons(U""),
            (Reasons{PasswordReason::kTooShort, PasswordReason::kNotEnoughCharacterClasses}));
}

}  // namespace
}  // namespace sspr::domain::password
