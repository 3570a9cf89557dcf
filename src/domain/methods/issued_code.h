#pragma once
// A one-time code that was sent, as kept in the store: what it is for and where it went, and
// its OneTimeCodeState (digest, issue time, wrong entries, consumed). Never the code itself.

#include <string>

#include "domain/methods/method_type.h"
#include "domain/methods/one_time_code.h"
#include "domain/user.h"

namespace sspr::domain::methods {

// What a code proves when it is entered.
enum class CodePurpose {
  kRegistration,  // the user owns the phone or mailbox being registered
  kReset,         // a gate of a reset flow
};

std::string_view to_string(CodePurpose purpose);

struct IssuedCode {
  std::string id;  // random, also bound into the code digest
  UserId user_id = 0;
  CodePurpose purpose = CodePurpose::kRegistration;
  std::string subject_id;  // the pending registration or the reset flow it belongs to
  MethodType method = MethodType::kEmail;
  std::string target;  // the E.164 number or address it was sent to
  OneTimeCodeState state;
};

}  // namespace sspr::domain::methods
