#include "domain/reset/reset_gate_errors.h"

namespace sspr::domain::reset {

Error phone_number_mismatch() {
  return Error{ErrorKind::kBadInput, "PhoneNumberMismatch", "PhoneNumberMismatch",
               "error.PhoneNumberMismatch",
               "phone: the number typed is not the one on file for the chosen method"};
}

Error incorrect_security_answers() {
  return Error{ErrorKind::kBadInput, "IncorrectSecurityAnswers", "IncorrectSecurityAnswers",
               "error.IncorrectSecurityAnswers",
               "answers: not the registered answers to the questions asked"};
}

}  // namespace sspr::domain::reset
