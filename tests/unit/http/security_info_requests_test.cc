#include "http/security_info_requests.h"

#include <gtest/gtest.h>

#include "request_test_support.h"

namespace sspr::http {
namespace {

TEST(SecurityInfoRequests, MethodStartReadsTypeAndContact) {
  auto start = read_method_start_request(body(R"({"type":"mobile_phone","phone":"+45 32123456"})"));
  ASSERT_TRUE(start);
  EXPECT_EQ(start->type, "mobile_phone");
  EXPECT_EQ(start->input.phone, "+45 32123456");
  EXPECT_EQ(start->input.email, "");
  EXPECT_EQ(refused_field(read_method_start_request(body(R"({"phone":"+45 32123456"})"))), "type");
  EXPECT_EQ(refused_field(read_method_start_request(body(R"({"type":"email","email":true})"))),
            "email");
}

TEST(SecurityInfoRequests, AnswersNameTheEntryThatIsWrong) {
  auto answers = read_security_answers_request(
      body(R"({"answers":[{"question_id":"q1","answer":"A"},{"question_id":"q2","answer":"B"}]})"));
  ASSERT_TRUE(answers);
  EXPECT_EQ(answers->size(), 2u);
  EXPECT_EQ(refused_field(read_security_answers_request(body("{}"))), "answers");
  EXPECT_EQ(refused_field(read_security_answers_request(
                body(R"({"answers":[{"question_id":"q1","answer":"A"},{"question_id":"q2"}]})"))),
            "answers[1]");
}

}  // namespace
}  // namespace sspr::http
