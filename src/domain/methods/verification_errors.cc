#include "domain/methods/verification_errors.h"

namespace sspr::domain::methods {
namespace {

Error bad_code(const std::string& name, const std::string& detail) {
  return Error{ErrorKind::kBadInput, name, name, "error." + name, "code: " + detail};
}

}  // namespace

Error invalid_verification_code(int attempts_left) {
  return bad_code("InvalidVerificationCode",
                  "the code is wrong; " + std::to_string(attempts_left) + " attempts left");
}

Error wrong_app_code() {
  return bad_code("InvalidVerificationCode",
                  "not the authenticator app's current code, or a code that was used already");
}

Error verification_code_locked() {
  return bad_code("VerificationCodeLocked",
                  "3 wrong codes were entered; the code no longer works, start again");
}

Error verification_code_expired() {
  return bad_code("VerificationCodeExpired",
                  "the code is older than 10 minutes and no longer works, start again");
}

Error verification_code_used() {
  return bad_code("VerificationCodeUsed", "the code was used already, start again");
}

Error code_refusal(const CodeVerification& verification) {
  switch (verification.outcome) {
    case CodeOutcome::kWrong:
      return invalid_verification_code(verification.attempts_left);
    case CodeOutcome::kLocked:
      return verification_code_locked();
    case CodeOutcome::kExpired:
      return verification_code_expired();
    case CodeOutcome::kAlreadyUsed:
    case CodeOutcome::kAccepted:
      break;
  }
  return verification_code_used();
}

bool ends_challenge(const Error& error) {
  return error.name == "VerificationCodeLocked" || error.name == "VerificationCodeExpired" ||
         error.name == "VerificationCodeUsed";
}

Error method_type_not_allowed(const std::string& type) {
  return Error{ErrorKind::kBadInput, "MethodTypeNotAllowed", "MethodTypeNotAllowed",
               "error.MethodTypeNotAllowed",
               "type: the organisation's policy does not offer the method '" + type + "'"};
}

}  // namespace sspr::domain::methods
