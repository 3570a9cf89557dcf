#include "platform/one_time_code_digest.h"

#include <sodium.h>

namespace sspr::platform {
namespace {

constexpr char kContext[9] = "otcdigst";
constexpr std::uint64_t kSubkeyId = 1;

}  // namespace

OneTimeCodeDigest::OneTimeCodeDigest(const SecretKeyRing& ring) {
  for (const auto& key : ring.keys()) keys_.push_back(key.derive(kSubkeyId, kContext));
}

OneTimeCodeDigest::~OneTimeCodeDigest() {
  for (auto& key : keys_) sodium_memzero(key.data(), key.size());
}

std::string OneTimeCodeDigest::digest(std::string_view challenge_id, std::string_view code) const {
  return digest_under(keys_.front(), challenge_id, code);
}

std::string OneTimeCodeDigest::digest_under(const Subkey& key, std::string_view challenge_id,
                                            std::string_view code) const {
  crypto_generichash_state state;
  crypto_generichash_init(&state, key.data(), key.size(), 32);
  // Length-prefixed, so ("ab", "1") and ("a", "b1") never collide.
  const unsigned char id_length[8] = {
      static_cast<unsigned char>(challenge_id.size() & 0xff),
      static_cast<unsigned char>((challenge_id.size() >> 8) & 0xff),
      static_cast<unsigned char>((challenge_id.size() >> 16) & 0xff),
      static_cast<unsigned char>((challenge_id.size() >> 24) & 0xff),
      0,
      0,
      0,
      0};
  crypto_generichash_update(&state, id_length, sizeof id_length);
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(challenge_id.data()),
                            challenge_id.size());
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(code.data()),
                            code.size());
  unsigned char out[32];
  crypto_generichash_final(&state, out, sizeof out);
  char hex[sizeof out * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, out, sizeof out);
  return hex;
}

bool OneTimeCodeDigest::matches(std::string_view stored_digest, std::string_view challenge_id,
                                std::string_view code) const {
  bool matched = false;
  for (const auto& key : keys_) {
    const std::string computed = digest_under(key, challenge_id, code);
    matched |= stored_digest.size() == computed.size() &&
               sodium_memcmp(stored_digest.data(), computed.data(), computed.size()) == 0;
  }
  return matched;
}

}  // namespace sspr::platform
