#include "domain/methods/method_type.h"

#include <utility>

namespace sspr::domain::methods {
namespace {

constexpr std::pair<MethodType, std::string_view> kMethodNames[] = {
    {MethodType::kEmail, "email"},
    {MethodType::kMobilePhone, "mobile_phone"},
    {MethodType::kOfficePhone, "office_phone"},
    {MethodType::kSecurityQuestions, "security_questions"},
    {MethodType::kAppCode, "app_code"},
    {MethodType::kAppNotification, "app_notification"},
};

constexpr std::pair<Channel, std::string_view> kChannelNames[] = {
    {Channel::kEmail, "email"},
    {Channel::kSms, "sms"},
    {Channel::kVoice, "voice"},
};

}  // namespace

std::string_view to_string(MethodType type) {
  for (const auto& [value, name] : kMethodNames) {
    if (value == type) return name;
  }
  return "unknown";
}

std::optional<MethodType> method_type_from_string(std::string_view text) {
  for (const auto& [value, name] : kMethodNames) {
    if (name == text) return value;
  }
  return std::nullopt;
}

std::string_view to_string(Channel channel) {
  for (const auto& [value, name] : kChannelNames) {
    if (value == channel) return name;
  }
  return "unknown";
}

std::optional<Channel> channel_from_string(std::string_view text) {
  for (const auto& [value, name] : kChannelNames) {
    if (name == text) return value;
  }
  return std::nullopt;
}

}  // namespace sspr::domain::methods
