#include "http/password_requests.h"

#include <gtest/gtest.h>

#include "request_test_support.h"

namespace sspr::http {
namespace {

TEST(PasswordRequests, BannedTermsAreANonEmptyArrayOfStrings) {
  auto terms = read_banned_terms_request(body(R"({"terms":["contoso","fabrikam"]})"));
  ASSERT_TRUE(terms);
  EXPECT_EQ(*terms, (std::vector<std::string>{"contoso", "fabrikam"}));
  for (const char* refused :
       {"{}", R"({"terms":[]})", R"({"terms":"contoso"})", R"({"terms":["contoso",1]})"}) {
    EXPECT_EQ(refused_field(read_banned_terms_request(body(refused))), "terms") << refused;
  }
}

TEST(PasswordRequests, EvaluationReadsThePasswordAndAnOptionalUser) {
  auto evaluation = read_evaluation_request(body(R"({"password":"Tr0ub4dor&3"})"));
  ASSERT_TRUE(evaluation);
  EXPECT_EQ(evaluation->password, "Tr0ub4dor&3");
  EXPECT_FALSE(evaluation->user);
  auto for_user = read_evaluation_request(body(R"({"password":"x","user":"a@contoso.example"})"));
  ASSERT_TRUE(for_user);
  EXPECT_EQ(for_user->user, "a@contoso.example");
  EXPECT_EQ(refused_field(read_evaluation_request(body(R"({"user":"a"})"))), "password");
}

}  // namespace
}  // namespace sspr::http
