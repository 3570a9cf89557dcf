#include "domain/password/banned_term_list.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "domain/password/banned_text_normalisation.h"
#include "domain/password/global_banned_list.h"
#include "domain/password/utf8.h"

namespace sspr::domain::password {
namespace {

std::string read_global_list() {
  auto text = read_global_banned_list();
  EXPECT_FALSE(text.empty()) << "data/banned_passwords/global.txt is missing or empty";
  return text;
}

TEST(BannedTermListParse, NormalisesSortsAndMergesDuplicates) {
  auto list = BannedTermList::parse("# comment\n  Summer \r\n\nP@ssw0rd\nsummer\n\tqwerty\n");
  ASSERT_TRUE(list.ok()) << list.error().technical;
  EXPECT_EQ(list->utf8_terms(), (std::vector<std::string>{"password", "qwerty", "summer"}));
}

TEST(BannedTermListParse, LastLineNeedsNoNewline) {
  auto list = BannedTermList::parse("abcd\nefgh");
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->size(), 2u);
}

TEST(BannedTermListParse, RejectsTermsOutside4To16WithTheLine) {
  auto short_term = BannedTermList::parse("abcd\nabc\n");
  ASSERT_FALSE(short_term.ok());
  EXPECT_NE(short_term.error().technical.find("line 2"), std::string::npos);
  EXPECT_NE(short_term.error().technical.find("'abc'"), std::string::npos);
  EXPECT_FALSE(BannedTermList::parse("abcdefghijklmnopq").ok());  // 17
  EXPECT_TRUE(BannedTermList::parse("abcdefghijklmnop").ok());    // 16
  EXPECT_FALSE(BannedTermList::parse("ab\xFF\xFF").ok());
}

TEST(BannedTermListParse, CountsCodePointsNotBytes) {
  EXPECT_TRUE(BannedTermList::parse("høst").ok());  // 4 code points, 5 bytes
  EXPECT_FALSE(BannedTermList::parse("åäö").ok());  // 3 code points, 6 bytes
}

TEST(CustomBannedTerms, AcceptsUpTo1000Terms) {
  std::vector<std::string> terms;
  for (int i = 0; i < 1000; ++i) terms.push_back("term" + std::to_string(i + 2000));
  auto list = BannedTermList::custom(terms);
  ASSERT_TRUE(list.ok()) << list.error().technical;
  EXPECT_EQ(list->size(), 1000u);
  terms.push_back("oneterm");
  auto too_many = BannedTermList::custom(terms);
  ASSERT_FALSE(too_many.ok());
  EXPECT_EQ(too_many.error().name, "InvalidInput");
  EXPECT_NE(too_many.error().technical.find("1001"), std::string::npos);
}

TEST(CustomBannedTerms, EachTermHas4To16CharactersAfterNormalisation) {
  EXPECT_TRUE(BannedTermList::custom(std::vector<std::string>{"Abcd"}).ok());
  EXPECT_TRUE(BannedTermList::custom(std::vector<std::string>{"ABCDEFGHIJKLMNOP"}).ok());
  auto three = BannedTermList::custom(std::vector<std::string>{"Abc"});
  ASSERT_FALSE(three.ok());
  EXPECT_NE(three.error().technical.find("'Abc'"), std::string::npos);
  auto seventeen = BannedTermList::custom(std::vector<std::string>{"ABCDEFGHIJKLMNOPQ"});
  ASSERT_FALSE(seventeen.ok());
  EXPECT_NE(seventeen.error().technical.find("'ABCDEFGHIJKLMNOPQ'"), std::string::npos);
  EXPECT_FALSE(BannedTermList::custom(std::vector<std::string>{"   "}).ok());
}

TEST(CustomBannedTerms, RejectsCaseInsensitiveDuplicatesNamingBoth) {
  auto list = BannedTermList::custom(std::vector<std::string>{"Contoso", "summer", "CONTOSO"});
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.error().kind, ErrorKind::kBadInput);
  EXPECT_NE(list.error().technical.find("'CONTOSO' duplicates 'Contoso'"), std::string::npos);
}

TEST(CustomBannedTerms, DuplicatesAreJudgedAfterSubstitution) {
  EXPECT_FALSE(BannedTermList::custom(std::vector<std::string>{"pass", "P@$$"}).ok());
}

TEST(CustomBannedTerms, StoresNormalisedSortedTerms) {
  auto list = BannedTermList::custom(std::vector<std::string>{"Zebra", " C0nt0so "});
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->utf8_terms(), (std::vector<std::string>{"contoso", "zebra"}));
}

TEST(GlobalBannedList, HasAtLeast1000NormalisedTerms) {
  const auto text = read_global_list();
  auto list = BannedTermList::parse(text);
  ASSERT_TRUE(list.ok()) << list.error().technical;
  EXPECT_GE(list->size(), 1000u);
}

TEST(GlobalBannedList, FileIsNormalisedSortedAndUniqueAlready) {
  const auto text = read_global_list();
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    ASSERT_FALSE(line.empty()) << "blank line after " << (lines.empty() ? "" : lines.back());
    ASSERT_NE(line.front(), '#');
    const auto decoded = decode_utf8(line);
    ASSERT_TRUE(decoded.has_value()) << line;
    EXPECT_EQ(normalise_for_banned_match(*decoded), *decoded) << line;
    EXPECT_GE(decoded->size(), 4u) << line;
    EXPECT_LE(decoded->size(), 16u) << line;
    lines.push_back(line);
  }
  auto list = BannedTermList::parse(text);
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->utf8_terms(), lines);  // parse sorts and dedupes: nothing moved or merged
}

TEST(GlobalBannedList, CoversTheObviousTerms) {
  auto list = BannedTermList::parse(read_global_list());
  ASSERT_TRUE(list.ok());
  const auto terms = list->utf8_terms();
  for (const char* expected :
       {"password", "passwort", "adgangskode", "losenord", "qwerty", "letmein", "welcome", "admin",
        "summer", "sommar", "sommer", "l23456", "december", "football", "microsoft"}) {
    EXPECT_TRUE(std::binary_search(terms.begin(), terms.end(), std::string(expected))) << expected;
  }
}

}  // namespace
}  // namespace sspr::domain::password
