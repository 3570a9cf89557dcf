#pragma once
// The machine's Argon2id ceiling: hashes per second with every core hashing at once, at the
// server's configured parameters, with libsodium's crypto_pwhash_str (the server's hasher),
// measured the two ways the server can hash (security.password_hashing): in threads of one
// process (platform::Argon2idPasswordHasher) and in worker processes of the sspr binary
// (platform::PasswordHashProcesses). The higher of the two is the ceiling: one process's
// threads share its memory map, which libsodium changes at every hash, so processes usually
// reach more (docs/PERFORMANCE.md).

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include "platform/argon2id_password_hasher.h"

namespace sspr::bench {

// One way of hashing, measured.
struct Argon2Throughput {
  double hashes_per_second = 0;  // 0: not measured
  std::uint64_t hashes = 0;
  double seconds = 0;
  double cpu_ms_per_hash = 0;  // CPU time of one hash, whatever the load
};

struct Argon2Ceiling {
  std::size_t hashers = 0;  // threads, and processes
  Argon2Throughput in_threads;
  Argon2Throughput in_processes;
  std::string processes_error;  // why processes were not measured, if they were not
  // The higher of the two ways, and its CPU per hash.
  double hashes_per_second() const;
  double cpu_ms_per_hash() const;
};

// `hashers` threads hash in a loop for about `duration`; then the same with `hashers` worker
// processes of `sspr_binary` (skipped when it is empty or cannot be started).
Argon2Ceiling measure_argon2_ceiling(const platform::Argon2idParameters& parameters,
                                     std::size_t hashers, std::chrono::milliseconds duration,
                                     const std::string& sspr_binary);

}  // namespace sspr::bench
