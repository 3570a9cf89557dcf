#pragma once
// The authenticator-app method (SPEC §3): TOTP per RFC 6238 with SHA-1, 6 digits and a
// 30-second step, computed by liboath. A code is accepted for the current step and one step
// either side (clock drift), and only for a step later than the last accepted one, so each
// code works once: the caller persists the returned step as the new last accepted step.

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/random.h"

namespace sspr::domain::methods {

inline constexpr int kTotpDigits = 6;
inline constexpr int kTotpPeriodSeconds = 30;
inline constexpr int kTotpAllowedDriftSteps = 1;
inline constexpr std::size_t kTotpSecretBytes = 20;  // 160 bits, RFC 4226's recommendation

// A new random secret of kTotpSecretBytes.
std::vector<std::uint8_t> generate_totp_secret(Random& random);

// The RFC 6238 time step of `time` (Unix seconds / 30).
std::int64_t totp_step(std::chrono::system_clock::time_point time);

// The 6-digit code of `secret` at `step` (what the app shows).
std::string totp_code(std::span<const std::uint8_t> secret, std::int64_t step);

// The step whose code `code` is, among totp_step(now) - 1 … + 1 and after
// `last_accepted_step` (nullopt: none accepted yet); nullopt when it matches none. `code`
// is 6 ASCII digits; spaces anywhere are ignored, as apps show codes as "123 456".
std::optional<std::int64_t> verify_totp(std::span<const std::uint8_t> secret, std::string_view code,
                                        std::chrono::system_clock::time_point now,
                                        std::optional<std::int64_t> last_accepted_step);

// RFC 4648 base32 without padding, as authenticator apps expect ("GEZDGNBV...").
std::string base32_encode(std::span<const std::uint8_t> bytes);

// "otpauth://totp/<issuer>:<account>?secret=<base32>&issuer=<issuer>&algorithm=SHA1&digits=6
// &period=30", issuer and account percent-encoded (RFC 3986 unreserved characters kept).
std::string otpauth_uri(std::string_view issuer, std::string_view account,
                        std::span<const std::uint8_t> secret);

}  // namespace sspr::domain::methods
