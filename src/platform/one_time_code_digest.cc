#include "platform/one_time_code_digest.h"

#include <sodium.h>

namespace sspr::platform {
namespace {

constexpr char kContext[9] = "otcdigst";
constexpr std::uint64_t kSubkeyId = 1;

}  // namespace

OneTimeCodeDigest::OneTimeCodeDigest(const SecretKey& key)
    : key_(key.derive(kSubkeyId, kContext)) {}

OneTimeCodeDigest::~OneTimeCodeDigest() { sodium_memzero(key_.data(), key_.size()); }

std::string OneTimeCodeDigest::digest(std::string_view challenge_id, std::string_view code) const {
  crypto_generichash_state state;
  crypto_generichash_init(&state, key_.data(), key_.size(), 32);
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
  const std::string computed = digest(challenge_id, code);
  return stored_digest.size() == computed.size() &&
         sodium_memcmp(stored_digest.data(), computed.data(), computed.size()) == 0;
}

}  // namespace sspr::platform
