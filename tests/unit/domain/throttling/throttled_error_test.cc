#include "domain/throttling/throttled_error.h"

#include <gtest/gtest.h>

#include "domain/locale_catalogue.h"

namespace sspr::domain::throttling {
namespace {

TEST(ThrottledError, IsThrottledNamesTheActionAndHasATextInEveryLanguage) {
  const auto error = throttled_blocked(ThrottledAction::kSecurityQuestionAttempt);
  EXPECT_EQ(error.kind, ErrorKind::kThrottled);
  EXPECT_EQ(error.name, "ThrottledBlocked");
  EXPECT_NE(error.technical.find("SecurityQuestionAttempt"), std::string::npos);
  EXPECT_EQ(sspr::testing::missing_locale_keys({error.message_key}), std::vector<std::string>{});
}

}  // namespace
}  // namespace sspr::domain::throttling
