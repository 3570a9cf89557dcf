#include "http/bearer_token.h"

#include <gtest/gtest.h>

namespace sspr::http {
namespace {

TEST(BearerToken, ExtractsTheToken) {
  EXPECT_EQ(bearer_token("Bearer sspr_abc123"), "sspr_abc123");
  EXPECT_EQ(bearer_token("bearer   sspr_abc123  "), "sspr_abc123");
  EXPECT_EQ(bearer_token("BEARER\tsspr_x"), "sspr_x");
}

TEST(BearerToken, RejectsOtherSchemesAndEmptyTokens) {
  EXPECT_EQ(bearer_token(""), std::nullopt);
  EXPECT_EQ(bearer_token("Bearer"), std::nullopt);
  EXPECT_EQ(bearer_token("Bearer    "), std::nullopt);
  EXPECT_EQ(bearer_token("Basic dXNlcjpwYXNz"), std::nullopt);
  EXPECT_EQ(bearer_token("Bearersspr_x"), std::nullopt);
}

}  // namespace
}  // namespace sspr::http
