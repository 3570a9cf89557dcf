#pragma once
// Retries a transport's transient failures with exponential backoff: attempt 1, wait
// `first_backoff`, attempt 2, wait twice as long, ... up to `attempts` attempts; the last
// failure is returned. A permanent failure (kind kRejected: SMTP 5xx, HTTP 4xx) or bad input
// is returned at once. Every failed attempt and the outcome are logged with the channel and
// the masked recipient only.

#include <chrono>
#include <memory>

#include "notify/notifier.h"
#include "notify/sleeper.h"

namespace sspr::notify {

struct RetryPolicy {
  unsigned attempts = 3;                         // at least 1
  std::chrono::milliseconds first_backoff{500};  // then 1 s, 2 s, ...
};

class RetryingNotifier final : public Notifier {
 public:
  RetryingNotifier(std::unique_ptr<Notifier> transport, RetryPolicy policy, Sleeper& sleeper);

  domain::Status send(const OutgoingMessage& message) override;

 private:
  std::unique_ptr<Notifier> transport_;
  RetryPolicy policy_;
  Sleeper& sleeper_;
};

// Whether a failure may go away by trying again.
bool is_transient(const domain::Error& error);

}  // namespace sspr::notify
