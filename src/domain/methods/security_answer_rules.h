#pragma once
// Registration rules of the security-questions method (SPEC §3):
//   - at least `questions_to_register` answers (the tenant policy's 3–5);
//   - each question is one the user may choose (predefined or the tenant's custom ones),
//     and no question twice;
//   - each answer 3–40 Unicode code points after normalisation (answer_normalisation.h),
//     any script; no answer twice (compared normalised);
//   - tenant custom questions: 3–200 code points, shown as entered (only trimmed), at most
//     20 per tenant, no duplicates.
// Errors are InvalidInput with a specific message key; the field names the failing entry
// ("answers[2]") and the detail names its question id. No error repeats an answer.
// The checked answers are returned in normalised form, to be hashed with Argon2id by the
// caller and then dropped.

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"

namespace sspr::domain::methods {

inline constexpr std::size_t kMinAnswerLength = 3;
inline constexpr std::size_t kMaxAnswerLength = 40;
inline constexpr std::size_t kMinCustomQuestionLength = 3;
inline constexpr std::size_t kMaxCustomQuestionLength = 200;
inline constexpr std::size_t kMaxCustomQuestionsPerTenant = 20;
inline constexpr int kMinQuestionsPerPolicy = 3;  // questions to register / to reset
inline constexpr int kMaxQuestionsPerPolicy = 5;

struct SecurityAnswerInput {
  std::string question_id;
  std::string answer;  // as typed
};

struct CheckedSecurityAnswer {
  std::string question_id;
  std::string normalised_answer;  // hash this; never store it
};

// Checks a user's whole set of answers at registration (`questions_to_register` is clamped to
// 3–5). `is_available_question` says whether
// an id may be chosen (is_predefined_question, or one of the tenant's custom questions).
// Message keys: error.NotEnoughSecurityQuestions, error.UnknownSecurityQuestion,
// error.SecurityQuestionRepeated, error.InvalidSecurityAnswer, error.SecurityAnswerTooShort,
// error.SecurityAnswerTooLong, error.SecurityAnswerRepeated.
Result<std::vector<CheckedSecurityAnswer>> check_security_answers(
    std::span<const SecurityAnswerInput> answers, int questions_to_register,
    const std::function<bool(std::string_view)>& is_available_question);

// A new tenant custom question, given the texts of the tenant's existing ones. Returns the
// text trimmed of surrounding white space. Message keys: error.CustomSecurityQuestionLength,
// error.TooManyCustomSecurityQuestions, error.CustomSecurityQuestionRepeated,
// error.InvalidSecurityQuestion (not UTF-8 or contains control characters).
Result<std::string> check_custom_question(std::string_view text,
                                          std::span<const std::string> existing_texts);

}  // namespace sspr::domain::methods
