#pragma once
// Solves the proof-of-work CAPTCHA of CONTRACT.md the way the page's Web Worker does: the
// integer n <= maxnumber with sha256(salt + str(n)) == challenge (OpenSSL SHA-256).

#include <optional>

#include <nlohmann/json.hpp>

namespace sspr::bench {

// The `captcha` object to send with a flow start, or nullopt when the challenge is
// malformed or has no solution up to maxnumber.
std::optional<nlohmann::json> solve_captcha(const nlohmann::json& challenge);

}  // namespace sspr::bench
