#pragma once
// Whether two strings are within Levenshtein distance 1 of each other: equal, or one
// character changed, added or removed. Transpositions ("ab" vs "ba") are two edits.

#include <string_view>

namespace sspr::domain::password {

bool within_one_edit(std::u32string_view a, std::u32string_view b);

}  // namespace sspr::domain::password
