#pragma once
// Encryption of secrets at rest (authenticator-app TOTP secrets): libsodium's secretbox
// (XSalsa20-Poly1305) under a subkey of the server's SecretKey, with a fresh random 24-byte
// nonce for every encryption. A sealed value is text, safe for any database column:
//   "v1:<key id>:<base64(nonce | ciphertext with its 16-byte tag)>"
// Opening checks the version and key id, then authenticates: a value sealed under another
// key, or altered in any way, is an error — never garbage, never a crash.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"
#include "platform/secret_key.h"

namespace sspr::platform {

class SecretBox {
 public:
  explicit SecretBox(const SecretKey& key);
  SecretBox(const SecretBox&) = delete;
  SecretBox& operator=(const SecretBox&) = delete;
  ~SecretBox();

  const std::string& key_id() const { return key_id_; }

  std::string seal(std::span<const std::uint8_t> plaintext) const;

  // The plaintext, or an internal error ("SecretUnreadable"-style technical line naming the
  // key ids, never content) when `sealed` is malformed, under another key, or tampered.
  domain::Result<std::vector<std::uint8_t>> open(std::string_view sealed) const;

 private:
  std::array<std::uint8_t, SecretKey::kBytes> key_{};
  std::string key_id_;
};

// The key id a sealed value names ("v1:<id>:..."), or nullopt when it is not one; for
// finding values that a key rotation must re-encrypt.
std::optional<std::string> sealed_key_id(std::string_view sealed);

}  // namespace sspr::platform
