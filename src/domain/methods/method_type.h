#pragma once
// The kinds of authentication method (SPEC §3) and the channels a one-time code travels by.
// The strings are the contract names used by the API, the CLI, the store and audit details.

#include <array>
#include <optional>
#include <string_view>

namespace sspr::domain::methods {

enum class MethodType {
  kEmail,              // "email": alternate email, code by email
  kMobilePhone,        // "mobile_phone": code by SMS or voice call
  kOfficePhone,        // "office_phone": voice call only
  kSecurityQuestions,  // "security_questions"
  kAppCode,            // "app_code": TOTP code from an authenticator app
  kAppNotification,    // "app_notification": push approval in the authenticator app
};

inline constexpr std::array<MethodType, 6> kAllMethodTypes = {
    MethodType::kEmail,       MethodType::kMobilePhone,
    MethodType::kOfficePhone, MethodType::kSecurityQuestions,
    MethodType::kAppCode,     MethodType::kAppNotification};

std::string_view to_string(MethodType type);
// The MethodType named by `text` (exact, lower-case contract name), or nullopt.
std::optional<MethodType> method_type_from_string(std::string_view text);

enum class Channel {
  kEmail,  // "email"
  kSms,    // "sms"
  kVoice,  // "voice"
};

std::string_view to_string(Channel channel);
std::optional<Channel> channel_from_string(std::string_view text);

}  // namespace sspr::domain::methods
