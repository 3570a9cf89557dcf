#pragma once
// The banned-password evaluation of SPEC §8, steps 2 to 4, on an already normalised password.
//
// Which occurrences count (the index finds every one, and they may overlap):
//   occurrences are taken greedily in this order, skipping any whose window overlaps a window
//   already taken: exact before fuzzy; then the longer window; then the earlier start; then
//   the term that sorts first (by code point). So an exact occurrence always wins over a fuzzy
//   one it overlaps, even when the fuzzy window is one character longer, and the result does
//   not depend on the order of the lists.
// Score: 1 point per occurrence taken (a term found twice scores 2) plus 1 point per code
//   point of the password that no taken window covers. A score below kMinBannedScore is banned.
// Names: the user's first or last name, normalised the same way and with surrounding blanks
//   removed, when at least kMinNameLength code points long, found as a plain substring of the
//   normalised password rejects it whatever the score.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/password/banned_term_index.h"

namespace sspr::domain::password {

// A term found in the password and counted in the score.
struct FoundTerm {
  std::string term;  // normalised, UTF-8
  BannedTermSource source = BannedTermSource::kGlobal;
  std::uint32_t start = 0;   // in code points of the normalised password
  std::uint32_t length = 0;  // code points of the window
  bool exact = false;

  friend bool operator==(const FoundTerm&, const FoundTerm&) = default;
};

struct BannedPasswordVerdict {
  int score = 0;
  bool banned = false;              // score < kMinBannedScore
  bool contains_user_name = false;  // step 4
  std::vector<FoundTerm> found;     // the occurrences taken, by start
};

inline constexpr int kMinBannedScore = 5;
inline constexpr std::size_t kMinNameLength = 4;

// `user_names` are UTF-8 (first name, last name; empty or invalid ones are ignored).
BannedPasswordVerdict check_banned_password(std::u32string_view normalised_password,
                                            const BannedTermIndex& index,
                                            std::span<const std::string_view> user_names);

// Whether `normalised_password` contains one of `user_names` (step 4 alone).
bool contains_user_name(std::u32string_view normalised_password,
                        std::span<const std::string_view> user_names);

}  // namespace sspr::domain::password
