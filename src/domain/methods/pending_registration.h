#pragma once
// A method a signed-in user has started to add but not yet proved (SPEC §3: phone and email
// are saved only after a code sent to them is entered; an app only after its first code
// verifies). It becomes a RegisteredMethod when proved, and is dropped when it expires.

#include <string>

#include "domain/methods/method_type.h"
#include "domain/user.h"

namespace sspr::domain::methods {

struct PendingRegistration {
  std::string id;  // random; the page refers to it
  UserId user_id = 0;
  MethodType type = MethodType::kEmail;
  std::string value;          // E.164 number or address being registered; "" for the app
  std::string extension;      // office phone extension
  std::string sealed_secret;  // the new TOTP secret, sealed; "" for other types
  std::string code_id;        // the IssuedCode sent for it; "" for the app
  std::string created_at;
  std::string expires_at;
};

}  // namespace sspr::domain::methods
