#pragma once
// Digests of one-time codes (SPEC §3: codes are stored as hashes). A 6- or 8-digit code has
// too little entropy for an unkeyed hash — anyone reading the database could try all
// 10^8 values — so the digest is keyed BLAKE2b-256 under a subkey of the server's
// SecretKey, and bound to the challenge it was issued for: the same code in two challenges
// gives two unrelated digests. Compare with matches(), which runs in constant time.

#include <array>
#include <string>
#include <string_view>

#include "platform/secret_key.h"

namespace sspr::platform {

class OneTimeCodeDigest {
 public:
  explicit OneTimeCodeDigest(const SecretKey& key);
  OneTimeCodeDigest(const OneTimeCodeDigest&) = delete;
  OneTimeCodeDigest& operator=(const OneTimeCodeDigest&) = delete;
  ~OneTimeCodeDigest();

  // 64 lower-case hex digits. `challenge_id` is the id of the stored challenge (or flow step)
  // the code belongs to.
  std::string digest(std::string_view challenge_id, std::string_view code) const;

  // Whether `code` is the code whose digest is `stored_digest`, in constant time.
  bool matches(std::string_view stored_digest, std::string_view challenge_id,
               std::string_view code) const;

 private:
  std::array<std::uint8_t, SecretKey::kBytes> key_{};
};

}  // namespace sspr::platform
