#include "breached/binary_fuse8_filter.h"

#include <gtest/gtest.h>

#include <random>
#include <unordered_set>

namespace sspr::breached {
namespace {

std::vector<std::uint64_t> random_keys(std::size_t count, std::uint64_t seed) {
  std::mt19937_64 generator(seed);
  std::vector<std::uint64_t> keys(count);
  for (auto& key : keys) key = generator();
  return keys;
}

TEST(BinaryFuse8Filter, HasNoFalseNegativesAndFewFalsePositives) {
  const auto keys = random_keys(100'000, 1);
  auto built = build_binary_fuse8(keys, 42);
  ASSERT_TRUE(built.ok()) << built.error().technical;
  const auto filter = built->view();
  EXPECT_EQ(built->entry_count, keys.size());
  for (const auto key : keys) ASSERT_TRUE(filter.contains(key));

  const std::unordered_set<std::uint64_t> members(keys.begin(), keys.end());
  std::mt19937_64 generator(2);
  int false_positives = 0;
  int probes = 0;
  while (probes < 1'000'000) {
    const auto key = generator();
    if (members.count(key) != 0) continue;
    ++probes;
    false_positives += filter.contains(key) ? 1 : 0;
  }
  const double rate = static_cast<double>(false_positives) / probes;
  EXPECT_LT(rate, 0.005);
  EXPECT_GT(rate, 0.002);  // 2^-8 = 0.39%: a much lower figure would mean a broken test
  const double bytes_per_entry =
      static_cast<double>(built->fingerprints.size()) / static_cast<double>(built->entry_count);
  EXPECT_LT(bytes_per_entry, 1.3);
  RecordProperty("false_positive_rate", std::to_string(rate));
  RecordProperty("bytes_per_entry", std::to_string(bytes_per_entry));
}

TEST(BinaryFuse8Filter, DeduplicatesKeys) {
  auto keys = random_keys(1000, 3);
  const auto copy = keys;
  keys.insert(keys.end(), copy.begin(), copy.end());
  auto built = build_binary_fuse8(keys, 7);
  ASSERT_TRUE(built.ok());
  EXPECT_EQ(built->entry_count, 1000u);
  for (const auto key : copy) EXPECT_TRUE(built->view().contains(key));
}

TEST(BinaryFuse8Filter, IsDeterministicForTheSameSeed) {
  const auto keys = random_keys(5000, 4);
  auto first = build_binary_fuse8(keys, 9);
  auto second = build_binary_fuse8(keys, 9);
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(first->fingerprints, second->fingerprints);
  EXPECT_EQ(first->parameters.seed, second->parameters.seed);
}

TEST(BinaryFuse8Filter, HandlesTinyAndEmptySets) {
  auto empty = build_binary_fuse8({}, 1);
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->entry_count, 0u);
  EXPECT_FALSE(empty->view().contains(12345));
  for (std::size_t size = 1; size <= 300; size += 7) {
    const auto keys = random_keys(size, size);
    auto built = build_binary_fuse8(keys, size);
    ASSERT_TRUE(built.ok()) << size;
    EXPECT_TRUE(built->parameters.consistent());
    for (const auto key : keys) ASSERT_TRUE(built->view().contains(key)) << size;
  }
}

TEST(BinaryFuse8Filter, SequentialKeysWork) {
  // Real keys are random, but the mixing must cope with structured input too.
  std::vector<std::uint64_t> keys(20'000);
  for (std::size_t i = 0; i < keys.size(); ++i) keys[i] = i;
  auto built = build_binary_fuse8(keys, 11);
  ASSERT_TRUE(built.ok());
  for (const auto key : keys) ASSERT_TRUE(built->view().contains(key));
}

TEST(BinaryFuse8Parameters, ConsistencyCheckRefusesBadHeaders) {
  EXPECT_TRUE((BinaryFuse8Parameters{0, 1024, 10, 12 * 1024}.consistent()));
  EXPECT_FALSE((BinaryFuse8Parameters{0, 1000, 10, 12 * 1000}.consistent()));
  EXPECT_FALSE((BinaryFuse8Parameters{0, 1024, 10, 12 * 1024 + 1}.consistent()));
  EXPECT_FALSE((BinaryFuse8Parameters{0, 1024, 0, 2 * 1024}.consistent()));
}

}  // namespace
}  // namespace sspr::breached
