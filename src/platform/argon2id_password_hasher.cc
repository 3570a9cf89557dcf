#include "platform/argon2id_password_hasher.h"

#include <sodium.h>

#include <stdexcept>

namespace sspr::platform {

Argon2idPasswordHasher::Argon2idPasswordHasher(Argon2idParameters parameters)
    : parameters_(parameters) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
  if (parameters_.memory_kib * 1024 < crypto_pwhash_MEMLIMIT_MIN ||
      parameters_.iterations < crypto_pwhash_OPSLIMIT_MIN) {
    throw std::invalid_argument("Argon2id parameters below libsodium's minimum");
  }
}

std::string Argon2idPasswordHasher::hash(std::string_view secret) const {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, secret.data(), secret.size(), parameters_.iterations,
                            parameters_.memory_kib * 1024, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("Argon2id hashing ran out of memory");
  }
  return out;
}

bool Argon2idPasswordHasher::verify(std::string_view secret, const std::string& hashed) const {
  return crypto_pwhash_str_verify(hashed.c_str(), secret.data(), secret.size()) == 0;
}

}  // namespace sspr::platform
