#pragma once
// The normalisation of SPEC §8 step 1, applied alike to candidate passwords, banned terms
// (global, custom, tenant name) and the user's names before they are compared:
//   1. lower case: ASCII A-Z, and the Latin-1 capitals U+00C0..U+00DE except U+00D7 (which
//      covers Æ Ø Å Ä Ö Ü and the other letters of Danish, German and Swedish). Other scripts
//      are left as they are: a full Unicode case mapping would need tables we do not carry,
//      and no shipped term uses them;
//   2. substitute 0→o, 1→l, $→s, @→a.
// The result has exactly as many code points as the input, so a window in the normalised
// text is the same window in the original.

#include <string>
#include <string_view>

namespace sspr::domain::password {

char32_t normalise_code_point(char32_t c);

std::u32string normalise_for_banned_match(std::u32string_view text);

}  // namespace sspr::domain::password
