#pragma once
// Refusals at a gate of the reset flow (SPEC §5) that are not the code refusals of
// domain/methods/verification_errors.h. Neither repeats what was typed nor what is on file.
//   PhoneNumberMismatch       the whole number typed for a phone method is not the one on file
//   IncorrectSecurityAnswers  the answers are not those registered (which one is not told)

#include "domain/error.h"

namespace sspr::domain::reset {

Error phone_number_mismatch();
Error incorrect_security_answers();

}  // namespace sspr::domain::reset
