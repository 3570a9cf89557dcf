#pragma once
// The machine's Argon2id ceiling: hashes per second with every core hashing at once, through
// the server's own hasher (platform::Argon2idPasswordHasher, libsodium crypto_pwhash_str) at
// the server's configured parameters.

#include <chrono>
#include <cstddef>
#include <cstdint>

#include "platform/argon2id_password_hasher.h"

namespace sspr::bench {

struct Argon2Ceiling {
  double hashes_per_second = 0;
  std::uint64_t hashes = 0;
  double seconds = 0;
  std::size_t threads = 0;
  double cpu_ms_per_hash = 0;  // CPU time of one hash (thread CPU clock), whatever the load
};

// Runs `threads` threads, each hashing in a loop, for about `duration`.
Argon2Ceiling measure_argon2_ceiling(const platform::Argon2idParameters& parameters,
                                     std::size_t threads, std::chrono::milliseconds duration);

}  // namespace sspr::bench
