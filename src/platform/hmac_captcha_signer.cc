#include "platform/hmac_captcha_signer.h"

#include <sodium.h>

namespace sspr::platform {
namespace {

constexpr char kContext[9] = "captchak";
constexpr std::uint64_t kSubkeyId = 1;

std::string to_hex(const unsigned char* bytes, std::size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, size);
  hex.pop_back();
  return hex;
}

}  // namespace

static_assert(crypto_auth_hmacsha256_KEYBYTES == SecretKey::kBytes);

HmacCaptchaSigner::HmacCaptchaSigner(const SecretKeyRing& ring) {
  for (const auto& key : ring.keys()) keys_.push_back(key.derive(kSubkeyId, kContext));
}

HmacCaptchaSigner::~HmacCaptchaSigner() {
  for (auto& key : keys_) sodium_memzero(key.data(), key.size());
}

std::string HmacCaptchaSigner::sha256_hex(std::string_view text) const {
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(out, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  return to_hex(out, sizeof out);
}

std::string HmacCaptchaSigner::sign(std::string_view challenge) const {
  return sign_under(keys_.front(), challenge);
}

std::string HmacCaptchaSigner::sign_under(const Subkey& key, std::string_view challenge) {
  unsigned char out[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256(out, reinterpret_cast<const unsigned char*>(challenge.data()),
                         challenge.size(), key.data());
  return to_hex(out, sizeof out);
}

bool HmacCaptchaSigner::verify(std::string_view challenge, std::string_view signature) const {
  bool valid = false;
  for (const auto& key : keys_) {
    const std::string expected = sign_under(key, challenge);
    valid |= signature.size() == expected.size() &&
             sodium_memcmp(signature.data(), expected.data(), expected.size()) == 0;
  }
  return valid;
}

}  // namespace sspr::platform
