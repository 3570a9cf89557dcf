#pragma once
// A repeatable Random for tests: a counter, not a secret.

#include <cstdint>
#include <span>

#include "domain/random.h"

namespace sspr::http {

class TestRandom final : public domain::Random {
 public:
  void fill(std::span<std::uint8_t> out) override {
    for (auto& byte : out) byte = static_cast<std::uint8_t>(next_++ * 37 + 11);
  }

 private:
  std::uint32_t next_ = 0;
};

}  // namespace sspr::http
