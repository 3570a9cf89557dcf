#include "domain/password/utf8.h"

#include <gtest/gtest.h>

namespace sspr::domain::password {
namespace {

TEST(Utf8, DecodesEveryEncodingLength) {
  const auto decoded = decode_utf8("a\xC3\xA5\xE2\x82\xAC\xF0\x9F\x98\x80");  // a å € 😀
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(*decoded, (std::u32string{U'a', 0xE5, 0x20AC, 0x1F600}));
  EXPECT_EQ(encode_utf8(*decoded), "a\xC3\xA5\xE2\x82\xAC\xF0\x9F\x98\x80");
}

TEST(Utf8, EmptyIsValid) { EXPECT_EQ(decode_utf8(""), std::u32string{}); }

TEST(Utf8, RejectsMalformedSequences) {
  EXPECT_FALSE(decode_utf8("\x80"));              // stray continuation byte
  EXPECT_FALSE(decode_utf8("\xC3"));              // truncated
  EXPECT_FALSE(decode_utf8("ab\xE2\x82"));        // truncated at the end
  EXPECT_FALSE(decode_utf8("\xC3\x28"));          // continuation byte missing
  EXPECT_FALSE(decode_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(decode_utf8("\xE0\x80\xAF"));      // overlong '/'
  EXPECT_FALSE(decode_utf8("\xED\xA0\x80"));      // surrogate U+D800
  EXPECT_FALSE(decode_utf8("\xF4\x90\x80\x80"));  // U+110000
  EXPECT_FALSE(decode_utf8("\xFF"));
}

TEST(Utf8, AcceptsTheLargestScalarValues) {
  EXPECT_EQ(decode_utf8("\xF4\x8F\xBF\xBF"), std::u32string{0x10FFFF});
  EXPECT_EQ(decode_utf8("\xEF\xBF\xBF"), std::u32string{0xFFFF});
  EXPECT_EQ(decode_utf8("\xED\x9F\xBF"), std::u32string{0xD7FF});
}

}  // namespace
}  // namespace sspr::domain::password
