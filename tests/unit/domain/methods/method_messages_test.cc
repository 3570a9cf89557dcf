// Every error of the method rules and every predefined question has its text in every
// language. The domain does not depend on the i18n layer, so this reads the catalogues from
// the source tree. The error keys are collected by provoking each error, so a new key in
// the code cannot be missed here.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "domain/methods/email_address.h"
#include "domain/methods/phone_number.h"
#include "domain/methods/security_answer_rules.h"
#include "domain/methods/security_question_catalogue.h"

#include "domain/locale_catalogue.h"

namespace sspr::domain::methods {
namespace {

nlohmann::json catalogue(const std::string& language) {
  return sspr::testing::locale_catalogue(language);
}

template <typename T>
void collect(std::set<std::string>& keys, const Result<T>& result) {
  ASSERT_FALSE(result);
  keys.insert(result.error().message_key);
}

std::set<std::string> provoked_error_keys() {
  std::set<std::string> keys;
  collect(keys, parse_phone_number("hello"));
  collect(keys, parse_phone_number("425 555 0100"));
  collect(keys, parse_email_address("nobody"));
  const auto any = [](std::string_view id) { return is_predefined_question(id); };
  using Answers = std::vector<SecurityAnswerInput>;
  collect(keys, check_security_answers(Answers{}, 3, any));
  collect(keys, check_security_answers(
                    Answers{{"nope", "abc"}, {"first_pet", "def"}, {"birth_city", "ghi"}}, 3, any));
  collect(keys,
          check_security_answers(
              Answers{{"first_pet", "abc"}, {"first_pet", "def"}, {"birth_city", "ghi"}}, 3, any));
  collect(keys,
          check_security_answers(
              Answers{{"first_car", "\xff\xfe\xfd"}, {"first_pet", "def"}, {"birth_city", "ghi"}},
              3, any));
  collect(keys,
          check_security_answers(
              Answers{{"first_car", "ab"}, {"first_pet", "def"}, {"birth_city", "ghi"}}, 3, any));
  collect(keys, check_security_answers(Answers{{"first_car", std::string(41, 'a')},
                                               {"first_pet", "def"},
                                               {"birth_city", "ghi"}},
                                       3, any));
  collect(keys,
          check_security_answers(
              Answers{{"first_car", "abc"}, {"first_pet", "ABC"}, {"birth_city", "ghi"}}, 3, any));
  std::vector<std::string> existing = {"Existing question?"};
  collect(keys, check_custom_question("a\tb?", existing));
  collect(keys, check_custom_question("ab", existing));
  collect(keys, check_custom_question("existing question?", existing));
  existing.resize(kMaxCustomQuestionsPerTenant, "x");
  collect(keys, check_custom_question("A new question?", existing));
  return keys;
}

TEST(MethodMessages, EveryErrorHasAMessageInEveryLanguage) {
  const auto keys = provoked_error_keys();
  EXPECT_EQ(keys.size(), 14u);
  for (const auto* language : {"en", "da", "de", "sv"}) {
    const auto messages = catalogue(language);
    for (const auto& key : keys) {
      EXPECT_TRUE(messages.contains(key)) << key << " missing in " << language;
    }
  }
}

TEST(MethodMessages, EveryPredefinedQuestionHasItsTextInEveryLanguage) {
  for (const auto* language : {"en", "da", "de", "sv"}) {
    const auto messages = catalogue(language);
    std::set<std::string> texts;
    for (const auto id : predefined_question_ids()) {
      const auto key = question_message_key(id);
      ASSERT_TRUE(messages.contains(key)) << key << " missing in " << language;
      const auto text = messages[key].get<std::string>();
      EXPECT_EQ(text.back(), '?') << key << " in " << language;
      EXPECT_TRUE(texts.insert(text).second) << "duplicate text " << text << " in " << language;
    }
  }
}

}  // namespace
}  // namespace sspr::domain::methods
