#include "http/correlation_id.h"

#include <gtest/gtest.h>

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

TEST(CorrelationId, KeepsAValidIncomingIdElseMakesAUuid) {
  TestRandom random;
  EXPECT_EQ(choose_correlation_id("client-id-1", random), "client-id-1");
  const auto made = choose_correlation_id("bad id!", random);
  EXPECT_EQ(made.size(), 36u);
  EXPECT_TRUE(is_valid_correlation_id(made));
  EXPECT_NE(choose_correlation_id("", random), made);
}

}  // namespace
}  // namespace sspr::http
