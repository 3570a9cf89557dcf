#include "domain/password/banned_password_check.h"

#include <gtest/gtest.h>

#include "domain/password/banned_text_normalisation.h"

namespace sspr::domain::password {
namespace {

BannedTermIndex index_of(std::vector<std::string> custom, std::string_view tenant = "") {
  auto list = BannedTermList::custom(custom);
  EXPECT_TRUE(list.ok());
  return BannedTermIndex({}, list.ok() ? list.value() : BannedTermList{}, tenant);
}

BannedPasswordVerdict check(std::u32string_view password, const BannedTermIndex& index,
                            std::vector<std::string_view> names = {}) {
  return check_banned_password(normalise_for_banned_match(password), index, names);
}

TEST(BannedPasswordCheck, ScoreBelow5IsBannedAnd5IsNot) {
  const auto index = index_of({"summer"});
  const auto four = check(U"Summerxyz", index);  // summer + x y z
  EXPECT_EQ(four.score, 4);
  EXPECT_TRUE(four.banned);
  const auto five = check(U"Summerwxyz", index);  // summer + w x y z
  EXPECT_EQ(five.score, 5);
  EXPECT_FALSE(five.banned);
  ASSERT_EQ(five.found.size(), 1u);
  EXPECT_EQ(five.found[0], (FoundTerm{"summer", BannedTermSource::kCustom, 0, 6, true}));
}

TEST(BannedPasswordCheck, EverySubstitutionIsApplied) {
  const auto index = index_of({"hello", "sassy", "banana"});
  EXPECT_TRUE(check(U"hell0", index).found.at(0).exact);   // 0 -> o
  EXPECT_TRUE(check(U"he11o", index).found.at(0).exact);   // 1 -> l
  EXPECT_TRUE(check(U"$a$$y", index).found.at(0).exact);   // $ -> s
  EXPECT_TRUE(check(U"B@n@n@", index).found.at(0).exact);  // @ -> a
}

TEST(BannedPasswordCheck, EditDistanceOneIsFoundTwoIsNot) {
  const auto index = index_of({"summer"});
  for (auto password : {U"sxmmer!!", U"sumxmer!!", U"sumer!!"}) {  // change, insertion, deletion
    const auto verdict = check(password, index);
    ASSERT_EQ(verdict.found.size(), 1u);
    EXPECT_FALSE(verdict.found[0].exact);
    EXPECT_EQ(verdict.score, 3);  // the term + "!!"
  }
  for (auto password : {U"sxmmxr!!", U"suxmxmer!!", U"sumr!!"}) {
    const auto verdict = check(password, index);
    EXPECT_TRUE(verdict.found.empty());
    EXPECT_EQ(verdict.score, static_cast<int>(std::u32string_view(password).size()));
  }
}

TEST(BannedPasswordCheck, ExactIsPreferredToALongerFuzzyWindow) {
  const auto index = index_of({"summer"});
  // "summers" is also within one edit of "summer" and would cover all 7 characters.
  const auto verdict = check(U"summers", index);
  ASSERT_EQ(verdict.found.size(), 1u);
  EXPECT_TRUE(verdict.found[0].exact);
  EXPECT_EQ(verdict.found[0].length, 6u);
  EXPECT_EQ(verdict.score, 2);
}

TEST(BannedPasswordCheck, ExactOfOneTermBeatsALongerOverlappingFuzzyOfAnother) {
  const auto index = index_of({"summer", "ummerxyz"});
  // "summer" exact at [0, 6); "ummerxyz" fuzzy at [1, 8) ("ummerxy", one removed) would
  // leave only "s" and score 2.
  const auto verdict = check(U"summerxy", index);
  ASSERT_EQ(verdict.found.size(), 1u);
  EXPECT_EQ(verdict.found[0].term, "summer");
  EXPECT_TRUE(verdict.found[0].exact);
  EXPECT_EQ(verdict.score, 3);
}

TEST(BannedPasswordCheck, WindowsDoNotOverlapAndEachOccurrenceScores) {
  const auto index = index_of({"summer", "winter"});
  const auto verdict = check(U"SummerWinterSummer!", index);
  ASSERT_EQ(verdict.found.size(), 3u);
  EXPECT_EQ(verdict.found[0].start, 0u);
  EXPECT_EQ(verdict.found[1].start, 6u);
  EXPECT_EQ(verdict.found[2].start, 12u);
  EXPECT_EQ(verdict.score, 4);  // three occurrences + "!"
  EXPECT_TRUE(verdict.banned);
}

TEST(BannedPasswordCheck, LongerWindowWinsAmongFuzzyMatches) {
  const auto index = index_of({"abcdefgh", "ghij"});
  // Both fuzzy and overlapping: "abcdefgx" (8) for abcdefgh, "gxij" (4) for ghij.
  const auto verdict = check(U"abcdefgxij", index);
  ASSERT_FALSE(verdict.found.empty());
  EXPECT_EQ(verdict.found[0].term, "abcdefgh");
  EXPECT_EQ(verdict.found[0].length, 8u);
  EXPECT_EQ(verdict.score, 3);  // abcdefgx + i + j
}

TEST(BannedPasswordCheck, TenantNameOf4CharactersIsBanned3IsNot) {
  const auto four = check(U"Acme2024", index_of({}, "ACME"));
  ASSERT_EQ(four.found.size(), 1u);
  EXPECT_EQ(four.found[0].source, BannedTermSource::kTenantName);
  EXPECT_EQ(four.score, 5);  // "acme2o24": acme + 2 o 2 4
  const auto three = check(U"Abc2024", index_of({}, "Abc"));
  EXPECT_TRUE(three.found.empty());
  EXPECT_EQ(three.score, 7);
}

TEST(BannedPasswordCheck, NameOf4CharactersRejectsWhateverTheScore) {
  const auto index = index_of({});
  const std::vector<std::string_view> anna = {"Anna", "Li"};
  EXPECT_TRUE(check(U"xyzANNAxyz9!", index, anna).contains_user_name);
  EXPECT_TRUE(check(U"xyz@nn@xyz9!", index, anna).contains_user_name);  // normalised too
  EXPECT_FALSE(check(U"xyzAnaxyz9!", index, anna).contains_user_name);  // plain substring only
  EXPECT_FALSE(check(U"xyzLixyz9!", index, anna).contains_user_name);   // 2 characters
  const std::vector<std::string_view> tom = {"Tom", "Kaj"};
  EXPECT_FALSE(check(U"tomkajxyz9!", index, tom).contains_user_name);  // 3 characters
  const std::vector<std::string_view> toms = {"", "Toms"};
  EXPECT_TRUE(check(U"xTOMSx", index, toms).contains_user_name);
}

TEST(BannedPasswordCheck, NonAsciiCountsAsOneCharacter) {
  const auto index = index_of({"lösenord"});
  const auto verdict = check(U"LÖSENORD!ÅÄÖ", index);
  ASSERT_EQ(verdict.found.size(), 1u);
  EXPECT_TRUE(verdict.found[0].exact);
  EXPECT_EQ(verdict.found[0].term, "lösenord");
  EXPECT_EQ(verdict.score, 5);  // the term + ! å ä ö
}

}  // namespace
}  // namespace sspr::domain::password
