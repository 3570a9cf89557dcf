#include "onprem/active_directory_password.h"

#include <gtest/gtest.h>

namespace sspr::onprem {
namespace {

std::string bytes(std::initializer_list<int> values) {
  std::string out;
  for (int v : values) out.push_back(static_cast<char>(v));
  return out;
}

TEST(UnicodePwd, IsThePasswordInQuotesAsUtf16LittleEndian) {
  EXPECT_EQ(unicode_pwd_value("Ab1"), bytes({'"', 0, 'A', 0, 'b', 0, '1', 0, '"', 0}));
  EXPECT_EQ(unicode_pwd_value(""), bytes({'"', 0, '"', 0}));
}

TEST(UnicodePwd, EncodesNonAsciiAndSupplementaryCharacters) {
  // "æ" U+00E6, "€" U+20AC, "😀" U+1F600 (surrogates D83D DE00).
  EXPECT_EQ(unicode_pwd_value("\xc3\xa6\xe2\x82\xac\xf0\x9f\x98\x80"),
            bytes({'"', 0, 0xe6, 0x00, 0xac, 0x20, 0x3d, 0xd8, 0x00, 0xde, '"', 0}));
}

TEST(UnicodePwd, RefusesInvalidUtf8) {
  EXPECT_FALSE(unicode_pwd_value("\xff").has_value());
  EXPECT_FALSE(unicode_pwd_value("\xc3").has_value());          // truncated
  EXPECT_FALSE(unicode_pwd_value("\xc0\xaf").has_value());      // overlong "/"
  EXPECT_FALSE(unicode_pwd_value("\xed\xa0\x80").has_value());  // a surrogate
}

}  // namespace
}  // namespace sspr::onprem
