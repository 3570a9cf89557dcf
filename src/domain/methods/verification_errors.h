#pragma once
// The refusals of a verification step (one-time code, authenticator code), all BadInput
// (HTTP 400) naming the field "code" in their technical line. None repeats what was typed.
//   InvalidVerificationCode   wrong code; attempts remain (the count is in the detail)
//   VerificationCodeLocked    the 3rd wrong entry, or entered after it: start again
//   VerificationCodeExpired   10 minutes passed: start again
//   VerificationCodeUsed      the code was accepted before: start again
// and the refusal of a method type the tenant's policy does not offer:
//   MethodTypeNotAllowed      (field "type")

#include <string>

#include "domain/error.h"
#include "domain/methods/one_time_code.h"

namespace sspr::domain::methods {

Error invalid_verification_code(int attempts_left);
// An authenticator code that is not the app's code now (or was used before).
Error wrong_app_code();
Error verification_code_locked();
Error verification_code_expired();
Error verification_code_used();
// The error for a refused CodeOutcome (not kAccepted).
Error code_refusal(const CodeVerification& verification);
// Whether `error` says the challenge is over and must be started again.
bool ends_challenge(const Error& error);

Error method_type_not_allowed(const std::string& type);

}  // namespace sspr::domain::methods
