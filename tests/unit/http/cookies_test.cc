#include "http/cookies.h"

#include <gtest/gtest.h>

namespace sspr::http {
namespace {

TEST(Cookies, ParsesPairsTrimsAndUnquotes) {
  const auto cookies = parse_cookie_header(" a=1; sspr_session=abc ;b=\"q v\"; flag; =x; a=2");
  EXPECT_EQ(cookies.at("a"), "1");
  EXPECT_EQ(cookies.at("sspr_session"), "abc");
  EXPECT_EQ(cookies.at("b"), "q v");
  EXPECT_EQ(cookies.count("flag"), 0u);
  EXPECT_EQ(cookies.size(), 3u);
  EXPECT_TRUE(parse_cookie_header("").empty());
}

TEST(Cookies, SessionCookieIsHttpOnlyStrictAndSecureOnlyWhenAsked) {
  EXPECT_EQ(session_cookie("tok", false), "sspr_session=tok; Path=/; HttpOnly; SameSite=Strict");
  EXPECT_EQ(session_cookie("tok", true),
            "sspr_session=tok; Path=/; HttpOnly; SameSite=Strict; Secure");
  const auto expired = expired_session_cookie(false);
  EXPECT_EQ(expired.rfind("sspr_session=; Path=/; HttpOnly; SameSite=Strict", 0), 0u);
  EXPECT_NE(expired.find("Max-Age=0"), std::string::npos);
}

}  // namespace
}  // namespace sspr::http
