#include "domain/support/support_code.h"

#include <gtest/gtest.h>

#include "domain/locale_catalogue.h"

namespace sspr::domain::support {
namespace {

TEST(SupportCode, AUuidIsAcceptedInCanonicalLowerCase) {
  EXPECT_EQ(parse_support_code("3F2504E0-4F89-41D3-9A0C-0305E82C3301"),
            "3f2504e0-4f89-41d3-9a0c-0305e82c3301");
  EXPECT_EQ(parse_support_code("  3f2504e0-4f89-41d3-9a0c-0305e82c3301\n"),
            "3f2504e0-4f89-41d3-9a0c-0305e82c3301");
}

TEST(SupportCode, AnythingElseIsMalformed) {
  for (const char* text :
       {"", "not-a-code", "3f2504e0-4f89-41d3-9a0c-0305e82c330",
        "3f2504e0-4f89-41d3-9a0c-0305e82c33011", "3f2504e04f8941d39a0c0305e82c3301",
        "3f2504e0-4f89-41d3-9a0c_0305e82c3301", "3g2504e0-4f89-41d3-9a0c-0305e82c3301",
        "' OR 1=1 --"}) {
    EXPECT_FALSE(parse_support_code(text).has_value()) << text;
  }
}

TEST(SupportCode, UnknownCodeSaysWhereElseToLookAndHasATextInEveryLanguage) {
  const auto error = unknown_support_code("3f2504e0-4f89-41d3-9a0c-0305e82c3301");
  EXPECT_EQ(error.kind, ErrorKind::kNotFound);
  EXPECT_EQ(error.name, "UnknownSupportCode");
  EXPECT_NE(error.technical.find("only in the server log"), std::string::npos);
  EXPECT_NE(error.technical.find("support_code=3f2504e0-4f89-41d3-9a0c-0305e82c3301"),
            std::string::npos);
  EXPECT_TRUE(sspr::testing::missing_locale_keys({error.message_key}).empty());
}

}  // namespace
}  // namespace sspr::domain::support
