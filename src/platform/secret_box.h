#pragma once
// Encryption of secrets at rest (authenticator-app TOTP secrets): libsodium's secretbox
// (XSalsa20-Poly1305) under a subkey of a SecretKey, with a fresh random 24-byte nonce for
// every encryption. A sealed value is text, safe for any database column:
//   "v1:<key id>:<base64(nonce | ciphertext with its 16-byte tag)>"
// The box holds a SecretKeyRing: it seals under the current key and opens a value under
// whichever key of the ring its key id names, so a key rotation (`sspr keys rotate`) can
// re-encrypt values one by one while every value stays readable.
//
// A value without the "v1:<key id>:" prefix — the bare base64 payload, as a value sealed
// without a key id would be — is opened by trying every key of the ring; secretbox's
// authentication tag tells which key (if any) sealed it, so it never yields garbage.
// Rotation re-seals such values into the v1 form.
//
// Opening a value that is malformed, under a key the ring lacks, or altered in any way is an
// error — never garbage, never a crash.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/result.h"
#include "platform/secret_key_ring.h"

namespace sspr::platform {

class SecretBox {
 public:
  explicit SecretBox(const SecretKeyRing& ring);
  SecretBox(const SecretBox&) = delete;
  SecretBox& operator=(const SecretBox&) = delete;
  ~SecretBox();

  // The current key's id: the one new values are sealed under.
  const std::string& key_id() const { return keys_.front().first; }
  // Whether the ring holds the key with this id.
  bool has_key(std::string_view id) const;
  // Every key id of the ring, the current one first.
  std::vector<std::string> key_ids() const;

  std::string seal(std::span<const std::uint8_t> plaintext) const;

  // The plaintext, or an internal error (a technical line naming the key ids, never content)
  // when `sealed` is malformed, under a key the ring lacks, or tampered.
  domain::Result<std::vector<std::uint8_t>> open(std::string_view sealed) const;

 private:
  std::string ids_text() const;  // "id1, id2" for error texts

  using Subkey = std::array<std::uint8_t, SecretKey::kBytes>;
  std::vector<std::pair<std::string, Subkey>> keys_;  // (key id, secretbox subkey), current first
};

// The key id a sealed value names ("v1:<id>:..."), or nullopt when it is not one (a value
// without a key id, or not a sealed value at all); for finding values that a key rotation must
// re-encrypt.
std::optional<std::string> sealed_key_id(std::string_view sealed);

}  // namespace sspr::platform
