#pragma once
// Why a candidate password is rejected. Each reason has a stable machine name (used in API
// responses and audit details) and a friendly message under "password.reason.<name>" in
// locales/*.json.

#include <string>
#include <string_view>

namespace sspr::domain::password {

enum class PasswordReason {
  kInvalidEncoding,            // not valid UTF-8; no other rule is evaluated
  kTooShort,                   // fewer than 8 code points
  kTooLong,                    // more than 256 code points
  kNotEnoughCharacterClasses,  // fewer than 3 of lowercase, uppercase, digits, symbols
  kReusedPassword,             // equals the current password, on a change
  kBannedPassword,             // banned-password score below 5
  kContainsUserName,           // contains the user's first or last name
  kBreachedPassword,           // on the imported breached-password list (Pwned Passwords)
};

// "InvalidEncoding", "TooShort", "TooLong", "NotEnoughCharacterClasses", "ReusedPassword",
// "BannedPassword", "ContainsUserName", "BreachedPassword".
std::string_view reason_name(PasswordReason reason);

// "password.reason." + reason_name(reason).
std::string reason_message_key(PasswordReason reason);

}  // namespace sspr::domain::password
