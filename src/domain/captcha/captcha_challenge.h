#pragma once
// The proof-of-work CAPTCHA (SPEC §5 step 1, CONTRACT.md), ALTCHA-style and stateless until
// it is used:
//
//   salt      = random hex + "?expires=<unix seconds>"   (the expiry travels inside the puzzle)
//   challenge = hex(SHA-256(salt + decimal(n)))          n secret, uniform in [0, maxnumber]
//   signature = hex(HMAC-SHA256(key, challenge))         key shared by every server node
//
// The client finds n by trying 0, 1, 2, ... and sends it back with the other fields. A
// solution is accepted when the algorithm is "SHA-256", the signature is the server's, the
// salt's expiry has not passed, n <= maxnumber and SHA-256(salt + n) is the challenge.
// Tampering with the salt changes the digest; tampering with the challenge breaks the
// signature. Single use is not a rule of this file: the caller records each accepted
// challenge (flows/captcha.h).

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/captcha/captcha_signer.h"
#include "domain/result.h"

namespace sspr::domain::captcha {

inline constexpr std::string_view kAlgorithm = "SHA-256";
// How long a challenge may be solved and used.
inline constexpr std::chrono::seconds kChallengeLifetime{10 * 60};

// What GET /api/v1/captcha answers.
struct CaptchaChallenge {
  std::string algorithm;
  std::string challenge;
  std::string salt;
  std::uint64_t maxnumber = 0;
  std::string signature;
};

// What the client sends back.
struct CaptchaSolution {
  std::string algorithm;
  std::string challenge;
  std::uint64_t number = 0;
  std::string salt;
  std::string signature;
};

// "<random_hex>?expires=<unix seconds of expires_at>".
std::string make_salt(std::string_view random_hex,
                      std::chrono::system_clock::time_point expires_at);

// The expiry carried by a salt made by make_salt; nullopt when it carries none.
std::optional<std::chrono::system_clock::time_point> salt_expiry(std::string_view salt);

// A challenge issued at `now` whose answer is `secret_number` (<= maxnumber).
CaptchaChallenge make_challenge(const CaptchaSigner& signer, std::string_view random_hex,
                                std::uint64_t secret_number, std::uint64_t maxnumber,
                                std::chrono::system_clock::time_point now);

// Whether `solution` solves a challenge this server issued and that is still valid at `now`
// (expired when now >= expiry). Errors: CaptchaInvalid, CaptchaExpired.
Status check_solution(const CaptchaSigner& signer, const CaptchaSolution& solution,
                      std::uint64_t maxnumber, std::chrono::system_clock::time_point now);

}  // namespace sspr::domain::captcha
