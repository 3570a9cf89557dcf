#pragma once
// A registered authentication method of a user, as kept in the store: a phone, an alternate
// email or an authenticator app. Security questions are kept apart (security_answer_record.h)
// because they are a set of answers, not one value.
//
// At most one method of each type per user. `value` is the E.164 number or the email address
// ("" for the app); the TOTP secret is only ever kept sealed (platform::SecretBox text).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/methods/method_type.h"
#include "domain/user.h"

namespace sspr::domain::methods {

// Who put the data there: the user on the security-info page, an administrator
// (pre-population), or directory sync. Pre-populated data counts like user-entered data.
enum class MethodSource { kUser, kAdmin, kSync };

std::string_view to_string(MethodSource source);
std::optional<MethodSource> method_source_from_string(std::string_view text);

struct RegisteredMethod {
  std::int64_t id = 0;
  UserId user_id = 0;
  MethodType type = MethodType::kEmail;
  std::string value;                // E.164 number or email address; "" for the app
  std::string extension;            // office phone extension, shown but never dialled
  std::string sealed_secret;        // SecretBox text of the TOTP secret; "" for other types
  std::int64_t last_totp_step = 0;  // the last time step whose code was accepted
  MethodSource source = MethodSource::kUser;
  std::string created_at;
  std::string updated_at;
};

}  // namespace sspr::domain::methods
