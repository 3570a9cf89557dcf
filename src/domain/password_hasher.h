#pragma once
// Port for the one-way hashing of passwords and other low-entropy secrets (Argon2id).

#include <string>
#include <string_view>

namespace sspr::domain {

class PasswordHasher {
 public:
  virtual ~PasswordHasher() = default;
  // A self-describing hash string (algorithm, parameters, salt, digest).
  virtual std::string hash(std::string_view secret) const = 0;
  // Constant-time verification of `secret` against a string made by hash().
  virtual bool verify(std::string_view secret, const std::string& hashed) const = 0;
};

}  // namespace sspr::domain
