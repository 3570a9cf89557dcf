#include "notify/retrying_notifier.h"

#include <algorithm>

#include "notify/masked_recipient.h"
#include "observability/log.h"

namespace sspr::notify {

bool is_transient(const domain::Error& error) {
  return error.kind == domain::ErrorKind::kUnavailable ||
         error.kind == domain::ErrorKind::kInternal;
}

RetryingNotifier::RetryingNotifier(std::unique_ptr<Notifier> transport, RetryPolicy policy,
                                   Sleeper& sleeper)
    : transport_(std::move(transport)), policy_(policy), sleeper_(sleeper) {
  policy_.attempts = std::max(policy_.attempts, 1u);
}

domain::Status RetryingNotifier::send(const OutgoingMessage& message) {
  const auto fields = [&](unsigned attempt) {
    return nlohmann::json{{"channel", to_string(message.channel)},
                          {"to", mask_recipient(message.channel, message.to)},
                          {"attempt", attempt},
                          {"attempts", policy_.attempts}};
  };
  auto backoff = policy_.first_backoff;
  for (unsigned attempt = 1;; ++attempt) {
    auto status = transport_->send(message);
    if (status) {
      log::info("notification sent", fields(attempt));
      return status;
    }
    auto details = fields(attempt);
    details["error"] = status.error().name;
    details["technical"] = status.error().technical;
    const bool again = is_transient(status.error()) && attempt < policy_.attempts;
    if (!again) {
      log::error("notification failed", details);
      return status;
    }
    details["retry_in_ms"] = backoff.count();
    log::warn("notification attempt failed", details);
    sleeper_.sleep_for(backoff);
    backoff *= 2;
  }
}

}  // namespace sspr::notify
