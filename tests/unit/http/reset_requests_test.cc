#include "http/reset_requests.h"

#include <gtest/gtest.h>

#include "request_test_support.h"

namespace sspr::http {
namespace {

TEST(ResetRequests, StartReadsTheUserReasonAndCaptcha) {
  auto start = read_start_flow_request(
      body(R"({"user_id":"a@contoso.example","reason":"locked_out","captcha":{"number":1}})"));
  ASSERT_TRUE(start);
  EXPECT_EQ(start->user_id, "a@contoso.example");
  EXPECT_EQ(start->reason, domain::reset::ResetReason::kLockedOut);
  EXPECT_EQ(start->captcha["number"], 1);
  auto plain = read_start_flow_request(body(R"({"user_id":"a@contoso.example"})"));
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->reason, domain::reset::ResetReason::kForgot);
  EXPECT_TRUE(plain->captcha.is_null());
}

TEST(ResetRequests, StartRefusals) {
  EXPECT_EQ(refused_field(read_start_flow_request(body("{}"))), "user_id");
  EXPECT_EQ(refused_field(read_start_flow_request(body(R"({"user_id":"a","reason":"bored"})"))),
            "reason");
}

TEST(ResetRequests, ChallengeDefaultsToEmptyChannelAndPhone) {
  auto challenge = read_challenge_request(body(R"({"method_id":"email"})"));
  ASSERT_TRUE(challenge);
  EXPECT_EQ(challenge->method_id, "email");
  EXPECT_EQ(challenge->channel, "");
  EXPECT_EQ(challenge->phone, "");
  EXPECT_EQ(refused_field(read_challenge_request(body(R"({"method_id":"m","phone":45})"))),
            "phone");
}

TEST(ResetRequests, VerifyReadsACodeOrAnswers) {
  auto code = read_verify_request(body(R"({"method_id":"email","code":"12345678"})"));
  ASSERT_TRUE(code);
  EXPECT_EQ(code->code, "12345678");
  auto answers = read_verify_request(
      body(R"({"method_id":"q","answers":[{"question_id":"q1","answer":"Fluffy"}]})"));
  ASSERT_TRUE(answers);
  ASSERT_EQ(answers->answers.size(), 1u);
  EXPECT_EQ(answers->answers[0].question_id, "q1");
  EXPECT_EQ(answers->answers[0].answer, "Fluffy");
  EXPECT_EQ(refused_field(read_verify_request(body(R"({"method_id":"q","answers":{}})"))),
            "answers");
  EXPECT_EQ(refused_field(read_verify_request(body(R"({"method_id":"q","answers":[1]})"))),
            "answers");
}

}  // namespace
}  // namespace sspr::http
