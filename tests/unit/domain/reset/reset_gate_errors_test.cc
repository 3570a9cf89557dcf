#include "domain/reset/reset_gate_errors.h"

#include <gtest/gtest.h>

#include "domain/locale_catalogue.h"

namespace sspr::domain::reset {
namespace {

TEST(ResetGateErrors, AreBadInputWithATextInEveryLanguage) {
  std::vector<std::string> keys;
  for (const auto& error : {phone_number_mismatch(), incorrect_security_answers()}) {
    EXPECT_EQ(error.kind, ErrorKind::kBadInput) << error.name;
    EXPECT_EQ(error.message_key, "error." + error.name);
    keys.push_back(error.message_key);
  }
  EXPECT_EQ(sspr::testing::missing_locale_keys(keys), std::vector<std::string>{});
}

}  // namespace
}  // namespace sspr::domain::reset
