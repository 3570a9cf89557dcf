#include "domain/password/password_reason.h"

namespace sspr::domain::password {

std::string_view reason_name(PasswordReason reason) {
  switch (reason) {
    case PasswordReason::kInvalidEncoding:
      return "InvalidEncoding";
    case PasswordReason::kTooShort:
      return "TooShort";
    case PasswordReason::kTooLong:
      return "TooLong";
    case PasswordReason::kNotEnoughCharacterClasses:
      return "NotEnoughCharacterClasses";
    case PasswordReason::kReusedPassword:
      return "ReusedPassword";
    case PasswordReason::kBannedPassword:
      return "BannedPassword";
    case PasswordReason::kContainsUserName:
      return "ContainsUserName";
    case PasswordReason::kBreachedPassword:
      return "BreachedPassword";
  }
  return "Unknown";
}

std::string reason_message_key(PasswordReason reason) {
  return "password.reason." + std::string(reason_name(reason));
}

}  // namespace sspr::domain::password
