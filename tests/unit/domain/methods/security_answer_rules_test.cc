#include "domain/methods/security_answer_rules.h"

#include <gtest/gtest.h>

#include <set>

#include "domain/methods/security_question_catalogue.h"

namespace sspr::domain::methods {
namespace {

bool predefined(std::string_view id) { return is_predefined_question(id); }

std::vector<SecurityAnswerInput> three_good() {
  return {{"birth_city", "Copenhagen"}, {"first_pet", "Fido"}, {"first_school", "Skt. Jørgens"}};
}

Error failure(const std::vector<SecurityAnswerInput>& answers, int required = 3) {
  auto result = check_security_answers(answers, required, predefined);
  EXPECT_FALSE(result);
  return result ? Error{} : result.error();
}

TEST(SecurityAnswerRules, ValidSetIsReturnedNormalised) {
  auto result = check_security_answers(three_good(), 3, predefined);
  ASSERT_TRUE(result) << result.error().technical;
  ASSERT_EQ(result->size(), 3u);
  EXPECT_EQ((*result)[0].question_id, "birth_city");
  EXPECT_EQ((*result)[0].normalised_answer, "copenhagen");
  EXPECT_EQ((*result)[2].normalised_answer, "skt. jørgens");
}

TEST(SecurityAnswerRules, NeedsAtLeastTheRequiredNumber) {
  auto answers = three_good();
  EXPECT_EQ(failure(answers, 4).message_key, "error.NotEnoughSecurityQuestions");
  answers.push_back({"first_car", "Volvo 240"});
  EXPECT_TRUE(check_security_answers(answers, 4, predefined));
  EXPECT_EQ(failure(answers, 5).message_key, "error.NotEnoughSecurityQuestions");
  answers.pop_back();
  answers.pop_back();
  EXPECT_EQ(failure(answers, 3).message_key, "error.NotEnoughSecurityQuestions");
}

TEST(SecurityAnswerRules, AnswerLengthIsThreeToFortyCodePointsAfterNormalisation) {
  auto answers = three_good();
  answers[1].answer = "  Bo  ";  // 2 after trimming
  auto error = failure(answers);
  EXPECT_EQ(error.message_key, "error.SecurityAnswerTooShort");
  EXPECT_EQ(error.technical.rfind("answers[1]: ", 0), 0u) << error.technical;
  EXPECT_NE(error.technical.find("first_pet"), std::string::npos);
  EXPECT_EQ(error.technical.find("Bo"), std::string::npos);  // never the answer

  answers[1].answer = "Åse";  // 3 code points, 4 bytes
  EXPECT_TRUE(check_security_answers(answers, 3, predefined));
  answers[1].answer = std::string(40, 'z');
  EXPECT_TRUE(check_security_answers(answers, 3, predefined));
  answers[1].answer = "東京都渋谷区" + std::string(34, 'x');  // 40 code points
  EXPECT_TRUE(check_security_answers(answers, 3, predefined));
  answers[1].answer = std::string(41, 'z');
  EXPECT_EQ(failure(answers).message_key, "error.SecurityAnswerTooLong");
  answers[1].answer = "abc\xff";
  EXPECT_EQ(failure(answers).message_key, "error.InvalidSecurityAnswer");
}

TEST(SecurityAnswerRules, NoQuestionTwice) {
  auto answers = three_good();
  answers[2].question_id = "birth_city";
  auto error = failure(answers);
  EXPECT_EQ(error.message_key, "error.SecurityQuestionRepeated");
  EXPECT_EQ(error.technical.rfind("answers[2]: ", 0), 0u);
}

TEST(SecurityAnswerRules, NoAnswerTwiceComparedNormalised) {
  auto answers = three_good();
  answers[2].answer = "  COPENHAGEN";
  auto error = failure(answers);
  EXPECT_EQ(error.message_key, "error.SecurityAnswerRepeated");
  EXPECT_EQ(error.technical.rfind("answers[2]: ", 0), 0u);
}

TEST(SecurityAnswerRules, OnlyAvailableQuestions) {
  auto answers = three_good();
  answers[0].question_id = "custom-1";
  EXPECT_EQ(failure(answers).message_key, "error.UnknownSecurityQuestion");
  auto with_custom = [](std::string_view id) { return id == "custom-1" || predefined(id); };
  EXPECT_TRUE(check_security_answers(answers, 3, with_custom));
}

TEST(CustomSecurityQuestion, LengthThreeToTwoHundredShownAsEntered) {
  std::vector<std::string> none;
  auto ok = check_custom_question("  What is our office mascot called? ", none);
  ASSERT_TRUE(ok);
  EXPECT_EQ(*ok, "What is our office mascot called?");
  EXPECT_TRUE(check_custom_question("Hvå", none));
  EXPECT_EQ(check_custom_question("Ab ", none).error().message_key,
            "error.CustomSecurityQuestionLength");
  EXPECT_TRUE(check_custom_question(std::string(200, 'q'), none));
  EXPECT_EQ(check_custom_question(std::string(201, 'q'), none).error().message_key,
            "error.CustomSecurityQuestionLength");
  EXPECT_EQ(check_custom_question("Line\nbreak?", none).error().message_key,
            "error.InvalidSecurityQuestion");
}

TEST(CustomSecurityQuestion, AtMostTwentyPerTenantAndNoDuplicates) {
  std::vector<std::string> existing;
  for (int i = 0; i < 19; ++i) existing.push_back("Question number " + std::to_string(i));
  EXPECT_TRUE(check_custom_question("One more question?", existing));
  EXPECT_EQ(check_custom_question("question NUMBER 3", existing).error().message_key,
            "error.CustomSecurityQuestionRepeated");
  existing.push_back("The twentieth?");
  EXPECT_EQ(check_custom_question("One more question?", existing).error().message_key,
            "error.TooManyCustomSecurityQuestions");
}

TEST(SecurityQuestionCatalogue, AboutThirtyFiveDistinctStableIds) {
  const auto ids = predefined_question_ids();
  EXPECT_EQ(ids.size(), 35u);
  std::set<std::string_view> distinct(ids.begin(), ids.end());
  EXPECT_EQ(distinct.size(), ids.size());
  EXPECT_TRUE(is_predefined_question("birth_city"));
  EXPECT_TRUE(is_predefined_question("first_pet"));
  EXPECT_FALSE(is_predefined_question("Birth_City"));
  EXPECT_EQ(question_message_key("first_pet"), "question.first_pet");
}

}  // namespace
}  // namespace sspr::domain::methods
