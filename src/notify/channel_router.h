#pragma once
// Sends email through one transport and SMS and voice through another, as configured
// (e.g. SMTP for email and the outbox file for phones).

#include <memory>

#include "notify/notifier.h"

namespace sspr::notify {

class ChannelRouter final : public Notifier {
 public:
  ChannelRouter(std::unique_ptr<Notifier> email, std::unique_ptr<Notifier> phone);

  domain::Status send(const OutgoingMessage& message) override;

 private:
  std::unique_ptr<Notifier> email_;
  std::unique_ptr<Notifier> phone_;
};

}  // namespace sspr::notify
