#pragma once
// The cryptography behind the proof-of-work CAPTCHA, as a port so the rules stay pure: a
// SHA-256 digest (the puzzle) and an HMAC-SHA256 under a key every server node shares (the
// signature that makes a challenge unforgeable). platform/hmac_captcha_signer.h is the real one.

#include <string>
#include <string_view>

namespace sspr::domain::captcha {

class CaptchaSigner {
 public:
  virtual ~CaptchaSigner() = default;
  // SHA-256 of `text`, 64 lower-case hex digits.
  virtual std::string sha256_hex(std::string_view text) const = 0;
  // HMAC-SHA256 of `challenge` under the signing key, 64 lower-case hex digits.
  virtual std::string sign(std::string_view challenge) const = 0;
  // Whether `signature` is sign(challenge), compared in constant time.
  virtual bool verify(std::string_view challenge, std::string_view signature) const = 0;
};

}  // namespace sspr::domain::captcha
