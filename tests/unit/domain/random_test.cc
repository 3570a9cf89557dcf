#include "domain/random.h"

#include <gtest/gtest.h>

#include <chrono>
#include <regex>

namespace sspr::domain {
namespace {

// A deterministic Random: counts up from a seed.
class CountingRandom final : public Random {
 public:
  void fill(std::span<std::uint8_t> out) override {
    for (auto& b : out) b = next_++;
  }

 private:
  std::uint8_t next_ = 0;
};

TEST(Random, UuidIsVersion4Form) {
  CountingRandom random;
  const auto uuid = random.uuid();
  EXPECT_TRUE(std::regex_match(
      uuid, std::regex("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")))
      << uuid;
}

TEST(Random, TimeOrderedUuidIsVersion7FormWithTheMillisecondsFirst) {
  CountingRandom random;
  const std::chrono::system_clock::time_point at{std::chrono::milliseconds(0x0123456789ab)};
  const auto uuid = random.time_ordered_uuid(at);
  EXPECT_TRUE(std::regex_match(
      uuid, std::regex("01234567-89ab-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")))
      << uuid;
  EXPECT_EQ(random.time_ordered_uuid(at + std::chrono::milliseconds(1)).substr(0, 13),
            "01234567-89ac");
}

// All-ones random bits, then all zeros: an id whose random part is larger comes first.
class FallingRandom final : public Random {
 public:
  void fill(std::span<std::uint8_t> out) override {
    for (auto& b : out) b = next_;
    next_ = 0x00;
  }

 private:
  std::uint8_t next_ = 0xff;
};

TEST(Random, ALaterMillisecondSortsAfterWhateverTheRandomBits) {
  FallingRandom random;
  const std::chrono::system_clock::time_point at{std::chrono::milliseconds(1'764'000'000'000)};
  const auto earlier = random.time_ordered_uuid(at);
  const auto later = random.time_ordered_uuid(at + std::chrono::milliseconds(1));
  EXPECT_LT(earlier, later) << earlier << " " << later;
}

TEST(Random, HexHasTwoCharactersPerByte) {
  CountingRandom random;
  EXPECT_EQ(random.hex(4), "00010203");
}

TEST(Random, UniformStaysBelowBound) {
  CountingRandom random;
  for (int i = 0; i < 1000; ++i) EXPECT_LT(random.uniform(7), 7u);
}

}  // namespace
}  // namespace sspr::domain
