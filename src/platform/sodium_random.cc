#include "platform/sodium_random.h"

#include <sodium.h>

#include <stdexcept>

namespace sspr::platform {

SodiumRandom::SodiumRandom() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

void SodiumRandom::fill(std::span<std::uint8_t> out) { randombytes_buf(out.data(), out.size()); }

}  // namespace sspr::platform
