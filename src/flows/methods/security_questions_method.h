#pragma once
// The security-questions method (SPEC §3): a set of answers to questions the user chose
// among the predefined ones (localised) and the tenant's own. Registration checks the whole
// set with domain check_security_answers() and keeps only an Argon2id hash of each
// normalised answer; the reset gate compares typed answers with those hashes.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/methods/custom_security_question.h"
#include "domain/methods/security_answer_record.h"
#include "domain/methods/security_answer_rules.h"
#include "domain/password_hasher.h"
#include "domain/result.h"

namespace sspr::flows::methods {

struct QuestionText {
  std::string id;  // catalogue id or "custom-<n>"
  std::string text;
};

class SecurityQuestionsMethod {
 public:
  explicit SecurityQuestionsMethod(const domain::PasswordHasher& hasher);

  // The predefined questions in `language`, then the tenant's custom ones as entered.
  std::vector<QuestionText> available(
      std::span<const domain::methods::CustomSecurityQuestion> custom,
      std::string_view language) const;
  // The text of question `id` ("" when it is no longer available).
  std::string text_of(const std::string& id,
                      std::span<const domain::methods::CustomSecurityQuestion> custom,
                      std::string_view language) const;

  // The registration rules, then one Argon2id hash per normalised answer (created_at = now).
  domain::Result<std::vector<domain::methods::SecurityAnswerRecord>> register_answers(
      std::span<const domain::methods::SecurityAnswerInput> answers, int questions_to_register,
      std::span<const domain::methods::CustomSecurityQuestion> custom,
      const std::string& now) const;

  // The reset gate: true when every typed answer is for a registered question and matches
  // its hash after normalisation (all are checked, so the time does not tell which failed).
  bool verify_answers(std::span<const domain::methods::SecurityAnswerRecord> registered,
                      std::span<const domain::methods::SecurityAnswerInput> typed) const;

 private:
  const domain::PasswordHasher& hasher_;
};

}  // namespace sspr::flows::methods
