#pragma once
// Strict UTF-8 decoding for password rules, which count and compare Unicode code points, not
// bytes. Rejected as invalid: truncated or stray continuation bytes, overlong encodings,
// UTF-16 surrogates (U+D800..U+DFFF) and anything above U+10FFFF.

#include <optional>
#include <string>
#include <string_view>

namespace sspr::domain::password {

// The code points of `text`, or nullopt when `text` is not valid UTF-8.
std::optional<std::u32string> decode_utf8(std::string_view text);

// The UTF-8 encoding of `code_points`; each must be a valid scalar value (as decode_utf8
// produces).
std::string encode_utf8(std::u32string_view code_points);

}  // namespace sspr::domain::password
