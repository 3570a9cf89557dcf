#include "notify/metered_notifier.h"

namespace sspr::notify {

domain::Status MeteredNotifier::send(const OutgoingMessage& message) {
  auto status = inner_->send(message);
  if (!status) metrics_.record_notifier_error(std::string(to_string(message.channel)));
  return status;
}

}  // namespace sspr::notify
