#include "notify/channel_router.h"

namespace sspr::notify {

ChannelRouter::ChannelRouter(std::unique_ptr<Notifier> email, std::unique_ptr<Notifier> phone)
    : email_(std::move(email)), phone_(std::move(phone)) {}

domain::Status ChannelRouter::send(const OutgoingMessage& message) {
  return message.channel == Channel::kEmail ? email_->send(message) : phone_->send(message);
}

}  // namespace sspr::notify
