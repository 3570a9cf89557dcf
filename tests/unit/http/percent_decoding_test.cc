#include "http/percent_decoding.h"

#include <gtest/gtest.h>

namespace sspr::http {
namespace {

TEST(PercentDecode, DecodesEscapes) {
  EXPECT_EQ(percent_decode("Sales%20Team"), "Sales Team");
  EXPECT_EQ(percent_decode("alice%40contoso.example"), "alice@contoso.example");
  EXPECT_EQ(percent_decode("%C3%A6bler"),
            "\xC3\xA6"
            "bler");
  EXPECT_EQ(percent_decode("a%2fb"), "a/b");
}

TEST(PercentDecode, LeavesPlainTextAndPlusAlone) {
  EXPECT_EQ(percent_decode("alice@contoso.example"), "alice@contoso.example");
  EXPECT_EQ(percent_decode("a+b"), "a+b");
  EXPECT_EQ(percent_decode(""), "");
}

TEST(PercentDecode, RejectsBrokenEscapesAndNul) {
  EXPECT_EQ(percent_decode("%"), std::nullopt);
  EXPECT_EQ(percent_decode("abc%2"), std::nullopt);
  EXPECT_EQ(percent_decode("%zz"), std::nullopt);
  EXPECT_EQ(percent_decode("a%00b"), std::nullopt);
}

}  // namespace
}  // namespace sspr::http
