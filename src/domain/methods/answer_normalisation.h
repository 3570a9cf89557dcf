#pragma once
// The comparison form of a security answer (SPEC §3): Unicode NFKC, full case folding, NFKC
// again (folding can denormalise), white space trimmed at both ends and each internal run of
// Unicode white space collapsed to one space. The caller hashes this form with Argon2id; the
// clear answer is never stored.
//
// Consequences users may notice, all intended: "  Copenhagen " equals "copenhagen";
// full-width "ＣＯＰＥＮＨＡＧＥＮ" equals "copenhagen"; a no-break space equals a space;
// and full case folding maps "ß" to "ss", so "STRASSE" equals "straße". Accents are kept:
// "Malmö" does not equal "Malmo".

#include <optional>
#include <string>
#include <string_view>

namespace sspr::domain::methods {

// The normalised UTF-8 form, or nullopt when `answer` is not valid UTF-8.
std::optional<std::string> normalise_answer(std::string_view answer);

// The number of Unicode code points of UTF-8 `text` (assumed valid).
std::size_t code_point_count(std::string_view text);

}  // namespace sspr::domain::methods
