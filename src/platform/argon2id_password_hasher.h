#pragma once
// Argon2id through libsodium (crypto_pwhash_str). Defaults follow OWASP's recommendation:
// m = 19 MiB, t = 2, p = 1 (libsodium always uses one lane). Hash strings carry their own
// parameters, so changing the configuration does not invalidate stored hashes.

#include <cstddef>

#include "domain/password_hasher.h"

namespace sspr::platform {

struct Argon2idParameters {
  std::size_t memory_kib = 19 * 1024;
  unsigned long long iterations = 2;
};

class Argon2idPasswordHasher final : public domain::PasswordHasher {
 public:
  explicit Argon2idPasswordHasher(Argon2idParameters parameters = {});
  std::string hash(std::string_view secret) const override;
  bool verify(std::string_view secret, const std::string& hashed) const override;

 private:
  Argon2idParameters parameters_;
};

}  // namespace sspr::platform
