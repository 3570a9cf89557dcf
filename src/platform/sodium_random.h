#pragma once
// Random backed by libsodium's CSPRNG (randombytes_buf).

#include "domain/random.h"

namespace sspr::platform {

class SodiumRandom final : public domain::Random {
 public:
  SodiumRandom();  // initialises libsodium; throws std::runtime_error if it cannot
  void fill(std::span<std::uint8_t> out) override;
};

}  // namespace sspr::platform
