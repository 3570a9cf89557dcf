#include "http/correlation_id.h"

#include <gtest/gtest.h>

#include <chrono>

#include "test_random.h"

namespace sspr::http {
namespace {

TEST(CorrelationId, AcceptsUuidLikeIds) {
  EXPECT_TRUE(is_valid_correlation_id("3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b"));
  EXPECT_TRUE(is_valid_correlation_id("abc"));
  EXPECT_TRUE(is_valid_correlation_id(std::string(64, 'a')));
}

TEST(CorrelationId, RejectsEmptyLongOrUnsafeIds) {
  EXPECT_FALSE(is_valid_correlation_id(""));
  EXPECT_FALSE(is_valid_correlation_id(std::string(65, 'a')));
  EXPECT_FALSE(is_valid_correlation_id("abc def"));
  EXPECT_FALSE(is_valid_correlation_id("abc\r\nX-Injected: 1"));
  EXPECT_FALSE(is_valid_correlation_id("a_b"));
  EXPECT_FALSE(is_valid_correlation_id("\"quoted\""));
}

TEST(CorrelationId, KeepsAValidIncomingIdElseMakesATimeOrderedUuid) {
  TestRandom random;
  const auto now = std::chrono::system_clock::now();
  EXPECT_EQ(choose_correlation_id("client-id-1", random, now), "client-id-1");
  const auto made = choose_correlation_id("bad id!", random, now);
  EXPECT_EQ(made.size(), 36u);
  EXPECT_TRUE(is_valid_correlation_id(made));
  EXPECT_EQ(made[14], '7');  // version 7
  EXPECT_NE(choose_correlation_id("", random, now), made);
  // Made later, it sorts after.
  EXPECT_LT(made, choose_correlation_id("", random, now + std::chrono::milliseconds(1)));
}

}  // namespace
}  // namespace sspr::http
