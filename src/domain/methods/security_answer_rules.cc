#include "domain/methods/security_answer_rules.h"

#include <algorithm>
#include <set>

#include "domain/methods/answer_normalisation.h"
#include "domain/methods/method_input_error.h"
#include "domain/password/utf8.h"

namespace sspr::domain::methods {
namespace {

std::string answer_field(std::size_t index) { return "answers[" + std::to_string(index) + "]"; }

bool has_control_character(std::u32string_view text) {
  return std::any_of(text.begin(), text.end(), [](char32_t c) {
    return c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0x2028 || c == 0x2029;
  });
}

}  // namespace

Result<std::vector<CheckedSecurityAnswer>> check_security_answers(
    std::span<const SecurityAnswerInput> answers, int questions_to_register,
    const std::function<bool(std::string_view)>& is_available_question) {
  const int required =
      std::clamp(questions_to_register, kMinQuestionsPerPolicy, kMaxQuestionsPerPolicy);
  if (answers.size() < static_cast<std::size_t>(required)) {
    return method_input_error("answers", "error.NotEnoughSecurityQuestions",
                              "at least " + std::to_string(required) + " answers are required, " +
                                  std::to_string(answers.size()) + " given");
  }
  std::vector<CheckedSecurityAnswer> checked;
  std::set<std::string> questions;
  std::set<std::string> normalised_answers;
  for (std::size_t i = 0; i < answers.size(); ++i) {
    const auto& entry = answers[i];
    const std::string field = answer_field(i);
    const std::string which = "question '" + entry.question_id + "'";
    if (entry.question_id.empty() || !is_available_question(entry.question_id)) {
      return method_input_error(field, "error.UnknownSecurityQuestion",
                                which + " is not available");
    }
    if (!questions.insert(entry.question_id).second) {
      return method_input_error(field, "error.SecurityQuestionRepeated",
                                which + " is chosen more than once");
    }
    auto normalised = normalise_answer(entry.answer);
    if (!normalised) {
      return method_input_error(field, "error.InvalidSecurityAnswer",
                                "answer to " + which + " is not valid UTF-8");
    }
    const std::size_t length = code_point_count(*normalised);
    if (length < kMinAnswerLength) {
      return method_input_error(field, "error.SecurityAnswerTooShort",
                                "answer to " + which + " has fewer than 3 characters");
    }
    if (length > kMaxAnswerLength) {
      return method_input_error(field, "error.SecurityAnswerTooLong",
                                "answer to " + which + " has more than 40 characters");
    }
    if (!normalised_answers.insert(*normalised).second) {
      return method_input_error(field, "error.SecurityAnswerRepeated",
                                "answer to " + which + " repeats an earlier answer");
    }
    checked.push_back({entry.question_id, std::move(*normalised)});
  }
  return checked;
}

Result<std::string> check_custom_question(std::string_view text,
                                          std::span<const std::string> existing_texts) {
  const std::string field = "question";
  auto code_points = password::decode_utf8(text);
  if (!code_points || has_control_character(*code_points)) {
    return method_input_error(field, "error.InvalidSecurityQuestion",
                              "must be valid UTF-8 without control characters");
  }
  auto normalised = normalise_answer(text);  // trims; also the duplicate key
  if (!normalised) {
    return method_input_error(field, "error.InvalidSecurityQuestion", "is not valid UTF-8");
  }
  // Trim the text as entered (ASCII and Unicode white space), keeping everything inside.
  std::u32string_view view(*code_points);
  const auto is_space = [](char32_t c) {
    return c == U' ' || c == U'\t' || c == 0xa0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200a);
  };
  while (!view.empty() && is_space(view.front())) view.remove_prefix(1);
  while (!view.empty() && is_space(view.back())) view.remove_suffix(1);
  if (view.size() < kMinCustomQuestionLength || view.size() > kMaxCustomQuestionLength) {
    return method_input_error(field, "error.CustomSecurityQuestionLength",
                              "must have 3 to 200 characters");
  }
  if (existing_texts.size() >= kMaxCustomQuestionsPerTenant) {
    return method_input_error(field, "error.TooManyCustomSecurityQuestions",
                              "the tenant already has 20 custom questions");
  }
  for (const auto& existing : existing_texts) {
    if (normalise_answer(existing) == normalised) {
      return method_input_error(field, "error.CustomSecurityQuestionRepeated",
                                "the tenant already has this question");
    }
  }
  return password::encode_utf8(view);
}

}  // namespace sspr::domain::methods
