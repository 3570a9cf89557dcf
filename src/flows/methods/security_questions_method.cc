#include "flows/methods/security_questions_method.h"

#include <algorithm>

#include "domain/methods/answer_normalisation.h"
#include "domain/methods/security_question_catalogue.h"
#include "i18n/catalogue.h"

namespace sspr::flows::methods {
namespace {

namespace dm = domain::methods;

}  // namespace

SecurityQuestionsMethod::SecurityQuestionsMethod(const domain::PasswordHasher& hasher)
    : hasher_(hasher) {}

std::vector<QuestionText> SecurityQuestionsMethod::available(
    std::span<const dm::CustomSecurityQuestion> custom, std::string_view language) const {
  std::vector<QuestionText> out;
  for (auto id : dm::predefined_question_ids()) {
    out.push_back({std::string(id), i18n::translate(language, dm::question_message_key(id))});
  }
  for (const auto& question : custom) out.push_back({question.question_id(), question.text});
  return out;
}

std::string SecurityQuestionsMethod::text_of(const std::string& id,
                                             std::span<const dm::CustomSecurityQuestion> custom,
                                             std::string_view language) const {
  if (dm::is_predefined_question(id)) {
    return i18n::translate(language, dm::question_message_key(id));
  }
  for (const auto& question : custom) {
    if (question.question_id() == id) return question.text;
  }
  return "";
}

domain::Result<std::vector<dm::SecurityAnswerRecord>> SecurityQuestionsMethod::register_answers(
    std::span<const dm::SecurityAnswerInput> answers, int questions_to_register,
    std::span<const dm::CustomSecurityQuestion> custom, const std::string& now) const {
  auto checked =
      dm::check_security_answers(answers, questions_to_register, [&](std::string_view id) {
        if (dm::is_predefined_question(id)) return true;
        return std::any_of(custom.begin(), custom.end(),
                           [&](const auto& question) { return question.question_id() == id; });
      });
  if (!checked) return checked.error();
  std::vector<dm::SecurityAnswerRecord> records;
  for (auto& answer : *checked) {
    records.push_back({answer.question_id, hasher_.hash(answer.normalised_answer), now});
    std::fill(answer.normalised_answer.begin(), answer.normalised_answer.end(), '\0');
  }
  return records;
}

bool SecurityQuestionsMethod::verify_answers(std::span<const dm::SecurityAnswerRecord> registered,
                                             std::span<const dm::SecurityAnswerInput> typed) const {
  if (typed.empty()) return false;
  bool all = true;
  for (const auto& answer : typed) {
    const auto record = std::find_if(registered.begin(), registered.end(), [&](const auto& r) {
      return r.question_id == answer.question_id;
    });
    const auto normalised = dm::normalise_answer(answer.answer);
    if (record == registered.end() || !normalised) {
      all = false;
      continue;
    }
    all = hasher_.verify(*normalised, record->answer_hash) && all;
  }
  return all;
}

}  // namespace sspr::flows::methods
