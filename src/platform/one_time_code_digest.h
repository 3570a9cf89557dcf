#pragma once
// Digests of one-time codes (SPEC §3: codes are stored as hashes). A 6- or 8-digit code has
// too little entropy for an unkeyed hash — anyone reading the database could try all
// 10^8 values — so the digest is keyed BLAKE2b-256 under a subkey of the server's
// SecretKey, and bound to the challenge it was issued for: the same code in two challenges
// gives two unrelated digests. Compare with matches(), which runs in constant time.
// With a SecretKeyRing, new digests use the current key and matches() accepts a digest made
// under any key of the ring, so a code sent just before a key rotation still verifies.

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "platform/secret_key_ring.h"

namespace sspr::platform {

class OneTimeCodeDigest {
 public:
  explicit OneTimeCodeDigest(const SecretKeyRing& ring);
  OneTimeCodeDigest(const OneTimeCodeDigest&) = delete;
  OneTimeCodeDigest& operator=(const OneTimeCodeDigest&) = delete;
  ~OneTimeCodeDigest();

  // 64 lower-case hex digits, under the current key. `challenge_id` is the id of the stored
  // challenge (or flow step) the code belongs to.
  std::string digest(std::string_view challenge_id, std::string_view code) const;

  // Whether `code` is the code whose digest (under any key of the ring) is `stored_digest`;
  // every key is tried, so the time does not depend on which one matched.
  bool matches(std::string_view stored_digest, std::string_view challenge_id,
               std::string_view code) const;

 private:
  using Subkey = std::array<std::uint8_t, SecretKey::kBytes>;
  std::string digest_under(const Subkey& key, std::string_view challenge_id,
                           std::string_view code) const;
  std::vector<Subkey> keys_;  // current first
};

}  // namespace sspr::platform
