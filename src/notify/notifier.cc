#include "notify/notifier.h"

namespace sspr::notify {

std::string_view to_string(Channel channel) {
  switch (channel) {
    case Channel::kEmail:
      return "email";
    case Channel::kSms:
      return "sms";
    case Channel::kVoice:
      return "voice";
  }
  return "email";
}

std::optional<Channel> parse_channel(std::string_view text) {
  for (auto channel : {Channel::kEmail, Channel::kSms, Channel::kVoice}) {
    if (to_string(channel) == text) return channel;
  }
  return std::nullopt;
}

}  // namespace sspr::notify
