#pragma once
// The randomness port: every secret, identifier and choice that must be unpredictable
// comes from here, so tests can make it repeatable.

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
  // `bytes` random bytes as lower-case hex.
  std::string hex(std::size_t bytes);
  // A uniformly distributed integer in [0, bound), without modulo bias. bound > 0.
  std::uint32_t uniform(std::uint32_t bound);
};

}  // namespace sspr::domain
