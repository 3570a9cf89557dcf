#pragma once
// The server's secret key: 32 random bytes from the key file named by
// `[security] secret_key_file` (default data_dir/secret.key). It protects secrets at rest
// (SecretBox: authenticator-app secrets) and keys the digests of one-time codes
// (OneTimeCodeDigest). Each use gets its own subkey derived with libsodium's KDF, so the raw
// key is never used directly.
//
// Key file format: the 32 bytes in standard base64 (44 characters, as written by
// generate_key_file and by `openssl rand -base64 32`) or in hex (64 characters, as written
// by `openssl rand -hex 32`); surrounding white space and a final newline are ignored.
// The key id — the first 8 hex digits of a keyed BLAKE2b of the key — names the key in every
// sealed value, so a later rotation can tell which values still need re-encrypting. The id
// reveals nothing usable about the key.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/result.h"

namespace sspr::platform {

class SecretKey {
 public:
  static constexpr std::size_t kBytes = 32;

  // The key in `text` (key file content, see above). Errors: InvalidInput for `source`.
  static domain::Result<SecretKey> from_text(std::string_view text,
                                             const std::string& source = "secret key");
  // Reads the key file. A missing, unreadable or malformed file is an InvalidInput error
  // naming the path (never the content).
  static domain::Result<SecretKey> from_file(const std::string& path);
  // from_file, after creating the file with generate_key_file when it does not exist.
  static domain::Result<SecretKey> load_or_create(const std::string& path);

  SecretKey(const SecretKey&) = default;
  SecretKey& operator=(const SecretKey&) = default;
  ~SecretKey();

  const std::string& id() const { return id_; }

  // A 32-byte subkey for one purpose. `context` is exactly 8 characters ("secrtbox").
  std::array<std::uint8_t, kBytes> derive(std::uint64_t subkey_id, const char (&context)[9]) const;

 private:
  explicit SecretKey(const std::array<std::uint8_t, kBytes>& bytes);
  std::array<std::uint8_t, kBytes> bytes_{};
  std::string id_;
};

// Creates `path` holding a new random key (base64, one line) with permissions 0600, and its
// parent directory if needed, unless the file already exists. Returns true when it created
// the file, false when one was already there (it is not read or changed).
domain::Result<bool> generate_key_file(const std::string& path);

}  // namespace sspr::platform
