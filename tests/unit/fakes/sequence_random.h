#pragma once
// A deterministic Random: a xorshift sequence, so repeated draws differ in every byte and a
// test sees the same values on every run.

#include <cstdint>
#include <span>

#include "domain/random.h"

namespace sspr::testing {

class SequenceRandom : public domain::Random {
 public:
  explicit SequenceRandom(std::uint64_t seed = 0x9e3779b97f4a7c15ull) : state_(seed) {}

  void fill(std::span<std::uint8_t> out) override {
    for (auto& b : out) {
      state_ ^= state_ << 13;
      state_ ^= state_ >> 7;
      state_ ^= state_ << 17;
      b = static_cast<std::uint8_t>(state_ >> 32);
    }
  }

 private:
  std::uint64_t state_;
};

}  // namespace sspr::testing
