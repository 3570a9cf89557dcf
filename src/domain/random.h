#pragma once
// The randomness port: every secret, identifier and choice that must be unpredictable
// comes from here, so tests can make it repeatable.

#include <chrono>
#include <cstdint>
#include <span>
#include <string>

namespace sspr::domain {

class Random {
 public:
  virtual ~Random() = default;
  virtual void fill(std::span<std::uint8_t> out) = 0;

  // A random (version 4) UUID in lower-case text form.
  std::string uuid();
  // A time-ordered (version 7, RFC 9562) UUID in lower-case text form: `at` in Unix
  // milliseconds, then 74 random bits. Ids made in later milliseconds sort after earlier ones,
  // so an index on them grows at its end (for record ids; a capability keeps uuid()'s 122
  // random bits).
  std::string time_ordered_uuid(std::chrono::system_clock::time_point at);
  // `bytes` random bytes as lower-case hex.
  std::string hex(std::size_t bytes);
  // A uniformly distributed integer in [0, bound), without modulo bias. bound > 0.
  std::uint32_t uniform(std::uint32_t bound);
};

}  // namespace sspr::domain
