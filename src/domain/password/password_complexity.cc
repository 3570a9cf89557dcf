#include "domain/password/password_complexity.h"

namespace sspr::domain::password {

int character_classes(std::u32string_view password) {
  bool lower = false, upper = false, digit = false, symbol = false;
  for (char32_t c : password) {
    if (c >= U'a' && c <= U'z') {
      lower = true;
    } else if (c >= U'A' && c <= U'Z') {
      upper = true;
    } else if (c >= U'0' && c <= U'9') {
      digit = true;
    } else {
      symbol = true;
    }
  }
  return int{lower} + int{upper} + int{digit} + int{symbol};
}

std::vector<PasswordReason> complexity_reasons(std::u32string_view password) {
  std::vector<PasswordReason> reasons;
  if (password.size() < kMinPasswordLength) reasons.push_back(PasswordReason::kTooShort);
  if (password.size() > kMaxPasswordLength) reasons.push_back(PasswordReason::kTooLong);
  if (character_classes(password) < kMinCharacterClasses) {
    reasons.push_back(PasswordReason::kNotEnoughCharacterClasses);
  }
  return reasons;
}

}  // namespace sspr::domain::password
