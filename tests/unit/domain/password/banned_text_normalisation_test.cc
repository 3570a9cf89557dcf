#include "domain/password/banned_text_normalisation.h"

#include <gtest/gtest.h>

#include "domain/password/edit_distance.h"

namespace sspr::domain::password {
namespace {

TEST(BannedTextNormalisation, LowersCaseThenSubstitutes) {
  EXPECT_EQ(normalise_for_banned_match(U"P@$$W0RD1"), U"passwordl");
  EXPECT_EQ(normalise_for_banned_match(U"0"), U"o");
  EXPECT_EQ(normalise_for_banned_match(U"1"), U"l");
  EXPECT_EQ(normalise_for_banned_match(U"$"), U"s");
  EXPECT_EQ(normalise_for_banned_match(U"@"), U"a");
}

TEST(BannedTextNormalisation, LeavesOtherDigitsAndSymbolsAlone) {
  EXPECT_EQ(normalise_for_banned_match(U"23456789!#%&*"), U"23456789!#%&*");
}

TEST(BannedTextNormalisation, LowersLatin1Capitals) {
  EXPECT_EQ(normalise_for_banned_match(U"ÆØÅÄÖÜ"), U"æøåäöü");
  EXPECT_EQ(normalise_for_banned_match(U"×ß"), U"×ß");  // not letters with a lower case here
}

TEST(BannedTextNormalisation, KeepsTheLength) {
  const std::u32string text = U"Sommer@2024!";
  EXPECT_EQ(normalise_for_banned_match(text).size(), text.size());
}

TEST(EditDistance, ZeroAndOneEditAreWithin) {
  EXPECT_TRUE(within_one_edit(U"summer", U"summer"));
  EXPECT_TRUE(within_one_edit(U"summer", U"sxmmer"));   // changed
  EXPECT_TRUE(within_one_edit(U"summer", U"summers"));  // added at the end
  EXPECT_TRUE(within_one_edit(U"summer", U"xsummer"));  // added at the start
  EXPECT_TRUE(within_one_edit(U"summer", U"sumxmer"));  // added inside
  EXPECT_TRUE(within_one_edit(U"summer", U"sumer"));    // removed
  EXPECT_TRUE(within_one_edit(U"summer", U"ummer"));    // removed at the start
  EXPECT_TRUE(within_one_edit(U"", U"a"));
}

TEST(EditDistance, TwoEditsAreNot) {
  EXPECT_FALSE(within_one_edit(U"summer", U"sxmmxr"));    // two changes
  EXPECT_FALSE(within_one_edit(U"summer", U"sumxxmer"));  // two added
  EXPECT_FALSE(within_one_edit(U"summer", U"sumr"));      // two removed
  EXPECT_FALSE(within_one_edit(U"summer", U"sumemr"));    // transposition
  EXPECT_FALSE(within_one_edit(U"summer", U"xsumme"));    // added and removed
}

}  // namespace
}  // namespace sspr::domain::password
