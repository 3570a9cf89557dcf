#include "http/session_requests.h"

#include <gtest/gtest.h>

#include "request_test_support.h"

namespace sspr::http {
namespace {

TEST(SessionRequests, SignInNeedsUserAndPassword) {
  auto sign_in = read_sign_in_request(body(R"({"user_id":"a@contoso.example","password":"pw"})"));
  ASSERT_TRUE(sign_in);
  EXPECT_EQ(sign_in->user_id, "a@contoso.example");
  EXPECT_EQ(sign_in->password, "pw");
  EXPECT_EQ(refused_field(read_sign_in_request(body(R"({"password":"pw"})"))), "user_id");
  EXPECT_EQ(refused_field(read_sign_in_request(body(R"({"user_id":"a","password":null})"))),
            "password");
}

TEST(SessionRequests, PasswordChangeNeedsBothPasswords) {
  auto change =
      read_password_change_request(body(R"({"current_password":"old","new_password":"new"})"));
  ASSERT_TRUE(change);
  EXPECT_EQ(change->current_password, "old");
  EXPECT_EQ(change->new_password, "new");
  EXPECT_EQ(refused_field(read_password_change_request(body(R"({"current_password":"old"})"))),
            "new_password");
}

}  // namespace
}  // namespace sspr::http
