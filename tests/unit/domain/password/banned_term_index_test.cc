#include "domain/password/banned_term_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <tuple>

#include "domain/password/banned_text_normalisation.h"
#include "domain/password/edit_distance.h"
#include "domain/password/global_banned_list.h"

namespace sspr::domain::password {
namespace {

BannedTermList terms(std::vector<std::string> list) {
  auto parsed = BannedTermList::custom(list);
  EXPECT_TRUE(parsed.ok());
  return parsed.ok() ? parsed.value() : BannedTermList{};
}

// The obvious search the index must agree with: every term, every window of length
// L - 1..L + 1, every start.
std::vector<TermOccurrence> brute_force(const BannedTermIndex& index, std::u32string_view text) {
  std::vector<TermOccurrence> found;
  for (std::uint32_t id = 0; id < index.size(); ++id) {
    const auto& term = index.term(id).text;
    for (std::size_t length = term.size() - 1; length <= term.size() + 1; ++length) {
      for (std::size_t start = 0; start + length <= text.size(); ++start) {
        const auto window = text.substr(start, length);
        if (within_one_edit(window, term)) {
          found.push_back({id, static_cast<std::uint32_t>(start),
                           static_cast<std::uint32_t>(length), window == term});
        }
      }
    }
  }
  std::sort(found.begin(), found.end(), [](const TermOccurrence& a, const TermOccurrence& b) {
    return std::tie(a.start, a.length, a.term) < std::tie(b.start, b.length, b.term);
  });
  return found;
}

TEST(BannedTermIndex, EmptyIndexFindsNothing) {
  EXPECT_TRUE(BannedTermIndex().occurrences(U"password").empty());
  EXPECT_TRUE(BannedTermIndex({}, {}, "").occurrences(U"password").empty());
}

TEST(BannedTermIndex, FindsExactOccurrence) {
  const BannedTermIndex index(terms({"summer"}), {}, "");
  const auto found = index.occurrences(U"xxsummerxx");
  EXPECT_NE(std::find(found.begin(), found.end(), TermOccurrence{0, 2, 6, true}), found.end());
}

TEST(BannedTermIndex, FindsChangedAddedAndRemovedCharacters) {
  const BannedTermIndex index(terms({"summer"}), {}, "");
  EXPECT_EQ(index.occurrences(U"sxmmer"), (std::vector<TermOccurrence>{{0, 0, 6, false}}));
  EXPECT_EQ(index.occurrences(U"sumxmer"), (std::vector<TermOccurrence>{{0, 0, 7, false}}));
  EXPECT_EQ(index.occurrences(U"sumer"), (std::vector<TermOccurrence>{{0, 0, 5, false}}));
}

TEST(BannedTermIndex, IgnoresTwoEdits) {
  const BannedTermIndex index(terms({"summer"}), {}, "");
  EXPECT_TRUE(index.occurrences(U"sxmmxr").empty());
  EXPECT_TRUE(index.occurrences(U"suxmxmer").empty());
  EXPECT_TRUE(index.occurrences(U"sumr").empty());
}

TEST(BannedTermIndex, TenantNameIsATermFrom4Characters) {
  const BannedTermIndex short_name({}, {}, "Abc");
  EXPECT_EQ(short_name.size(), 0u);
  const BannedTermIndex name({}, {}, " Acme ");
  ASSERT_EQ(name.size(), 1u);
  EXPECT_EQ(name.term(0).text, U"acme");
  EXPECT_EQ(name.term(0).source, BannedTermSource::kTenantName);
  EXPECT_EQ(name.occurrences(U"xxacmexx").front(), (TermOccurrence{0, 1, 5, false}));
}

TEST(BannedTermIndex, KeepsATermOnceWithItsFirstSource) {
  const BannedTermIndex index(terms({"contoso", "summer"}), terms({"Summer", "winter"}), "Contoso");
  ASSERT_EQ(index.size(), 3u);
  EXPECT_EQ(index.term(0).source, BannedTermSource::kGlobal);
  EXPECT_EQ(index.term(1).source, BannedTermSource::kGlobal);
  EXPECT_EQ(index.term(2).text, U"winter");
  EXPECT_EQ(index.term(2).source, BannedTermSource::kCustom);
}

TEST(BannedTermIndex, AgreesWithBruteForceOnRandomPasswords) {
  const BannedTermIndex index(terms({"summer", "password", "aaaa", "abab", "qwerty", "sommar",
                                     "höst", "abcdefghijklmnop", "mississippi", "l23456"}),
                              {}, "Contoso Ltd");
  // Passwords glued from fragments of terms and noise, so that many windows nearly match.
  const std::vector<std::u32string> pieces = {
      U"sum",   U"mer",    U"pass", U"word", U"a",       U"b",   U"ab",       U"qwe",
      U"rty",   U"x",      U"ö",    U"höst", U"som",     U"mar", U"abcdefgh", U"ijklmnop",
      U"missi", U"ssippi", U"l23",  U"456",  U"contoso", U" ",   U"ltd"};
  std::mt19937 random(20240601);
  for (int round = 0; round < 3000; ++round) {
    std::u32string password;
    const int count = 1 + static_cast<int>(random() % 6);
    for (int i = 0; i < count; ++i) password += pieces[random() % pieces.size()];
    if (!password.empty() && random() % 2) password[random() % password.size()] = U'z';
    ASSERT_EQ(index.occurrences(password), brute_force(index, password))
        << "round " << round << " size " << password.size();
  }
}

TEST(BannedTermIndex, AgreesWithBruteForceOnTheGlobalList) {
  auto global = BannedTermList::parse(read_global_banned_list());
  ASSERT_TRUE(global.ok());
  const BannedTermIndex index(global.value(), terms({"Fabrikam", "Northwind"}), "Contoso");
  std::mt19937 random(7);
  const std::u32string alphabet = U"abcdefghijklmnopqrstuvwxyz0123456789!@$ ö";
  const std::vector<std::string> seeds = {"P@ssw0rd2024!", "Summer!Winter",  "qwerty123456",
                                          "Welc0me!home",  "FabrikamRocks1", "xk9mq2vl7nr4"};
  for (int round = 0; round < 400; ++round) {
    const auto& seed = seeds[random() % seeds.size()];
    std::u32string password(seed.begin(), seed.end());
    for (int edits = random() % 3; edits > 0; --edits) {
      password[random() % password.size()] = alphabet[random() % alphabet.size()];
    }
    const auto normalised = normalise_for_banned_match(password);
    ASSERT_EQ(index.occurrences(normalised), brute_force(index, normalised)) << "round " << round;
  }
}

}  // namespace
}  // namespace sspr::domain::password
