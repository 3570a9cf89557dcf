#pragma once
// The cloud complexity rules of SPEC §8: 8 to 256 characters, counted as Unicode code points,
// and at least 3 of the 4 classes lowercase (a-z), uppercase (A-Z), digits (0-9) and symbols.
//
// Symbols are every other code point: ASCII punctuation, space, and every non-ASCII character,
// letters included. The reference product only knows ASCII classes; deciding the case of
// letters in every script would need Unicode tables we do not carry, and a character outside
// ASCII is at least as hard to guess as an ASCII symbol, so it counts as one.

#include <string_view>
#include <vector>

#include "domain/password/password_reason.h"

namespace sspr::domain::password {

inline constexpr std::size_t kMinPasswordLength = 8;
inline constexpr std::size_t kMaxPasswordLength = 256;
inline constexpr int kMinCharacterClasses = 3;

// How many of the 4 classes `password` uses (0..4).
int character_classes(std::u32string_view password);

// The complexity reasons `password` fails, in the order TooShort/TooLong,
// NotEnoughCharacterClasses; empty when it passes.
std::vector<PasswordReason> complexity_reasons(std::u32string_view password);

}  // namespace sspr::domain::password
