#include "http/csrf.h"

#include <gtest/gtest.h>

namespace sspr::http {
namespace {

TEST(Csrf, OnlyGetIsNotStateChanging) {
  EXPECT_FALSE(is_state_changing(Method::kGet));
  EXPECT_TRUE(is_state_changing(Method::kPost));
  EXPECT_TRUE(is_state_changing(Method::kPatch));
  EXPECT_TRUE(is_state_changing(Method::kDelete));
}

TEST(Csrf, OriginMustBeThisServerWhenPresent) {
  EXPECT_TRUE(check_same_origin("", "sspr.example:8080").ok());
  EXPECT_TRUE(check_same_origin("http://sspr.example:8080", "sspr.example:8080").ok());
  EXPECT_TRUE(check_same_origin("https://SSPR.example:8080", "sspr.example:8080").ok());
  for (const char* origin : {"null", "http://evil.example", "http://sspr.example:8081",
                             "http://sspr.example:8080.evil.example", "ftp://sspr.example:8080"}) {
    auto status = check_same_origin(origin, "sspr.example:8080");
    ASSERT_FALSE(status.ok()) << origin;
    EXPECT_EQ(status.error().name, "CrossOriginRequest");
    EXPECT_EQ(status.error().kind, domain::ErrorKind::kForbidden);
  }
  EXPECT_FALSE(check_same_origin("http://", "").ok());
}

TEST(Csrf, CookielessStateChangesRefuseWhatTheBrowserSaysIsCrossSite) {
  const char* host = "sspr.example:8080";
  EXPECT_TRUE(check_not_cross_site("", "", host).ok());  // not a browser
  EXPECT_TRUE(check_not_cross_site("http://sspr.example:8080", "same-origin", host).ok());
  EXPECT_TRUE(check_not_cross_site("", "none", host).ok());  // typed or bookmarked
  const std::pair<const char*, const char*> refused[] = {
      {"http://evil.example", ""}, {"null", ""},      {"", "cross-site"},
      {"", "Cross-Site"},          {"", "same-site"}, {"http://sspr.example:8080", "cross-site"},
  };
  for (const auto& [origin, site] : refused) {
    auto status = check_not_cross_site(origin, site, host);
    ASSERT_FALSE(status.ok()) << origin << " " << site;
    EXPECT_EQ(status.error().name, "CrossOriginRequest");
    EXPECT_EQ(status.error().kind, domain::ErrorKind::kForbidden);
  }
}

TEST(Csrf, TokenMustMatchExactly) {
  EXPECT_TRUE(check_csrf_token("abcd", "abcd").ok());
  for (const char* presented : {"", "abc", "abce", "abcde"}) {
    auto status = check_csrf_token(presented, "abcd");
    ASSERT_FALSE(status.ok()) << presented;
    EXPECT_EQ(status.error().name, "CsrfTokenMissing");
    EXPECT_EQ(status.error().kind, domain::ErrorKind::kForbidden);
  }
}

TEST(Csrf, SignInNeedsJsonContentType) {
  EXPECT_TRUE(check_json_content_type("application/json").ok());
  EXPECT_TRUE(check_json_content_type("Application/JSON; charset=utf-8").ok());
  EXPECT_FALSE(check_json_content_type("").ok());
  EXPECT_FALSE(check_json_content_type("text/plain").ok());
  EXPECT_FALSE(check_json_content_type("application/x-www-form-urlencoded").ok());
}

}  // namespace
}  // namespace sspr::http
