#pragma once
// When a user last confirmed their security info (the reconfirm period of SPEC §2 counts
// from here) and when they first met the policy's requirement (the "User registered for
// self-service password reset" audit event is written once, then).

#include <string>

#include "domain/user.h"

namespace sspr::domain::methods {

struct RegistrationRecord {
  UserId user_id = 0;
  std::string last_confirmed_at;  // "" when never confirmed
  std::string registered_at;      // "" until the requirement was first met
};

}  // namespace sspr::domain::methods
