#pragma once
// The CAPTCHA's cryptography (domain/captcha/captcha_signer.h) with libsodium: SHA-256 and
// HMAC-SHA256 under a subkey of the server's SecretKey ("captchak"), so every node sharing
// the key file verifies every node's challenges, and a server with another key refuses them.
// With a SecretKeyRing it signs under the current key and accepts a signature under any key of
// the ring, so challenges handed out just before a key rotation still verify.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/captcha/captcha_signer.h"
#include "platform/secret_key_ring.h"

namespace sspr::platform {

class HmacCaptchaSigner final : public domain::captcha::CaptchaSigner {
 public:
  explicit HmacCaptchaSigner(const SecretKeyRing& ring);
  HmacCaptchaSigner(const HmacCaptchaSigner&) = delete;
  HmacCaptchaSigner& operator=(const HmacCaptchaSigner&) = delete;
  ~HmacCaptchaSigner() override;

  std::string sha256_hex(std::string_view text) const override;
  std::string sign(std::string_view challenge) const override;
  bool verify(std::string_view challenge, std::string_view signature) const override;

 private:
  using Subkey = std::array<std::uint8_t, SecretKey::kBytes>;
  static std::string sign_under(const Subkey& key, std::string_view challenge);
  std::vector<Subkey> keys_;  // current first
};

}  // namespace sspr::platform
