#pragma once
// A Notifier that counts what its transport could not deliver (sspr_notifier_errors_total by
// channel, observability/metrics.h) and otherwise passes every message and outcome through.

#include <memory>

#include "notify/notifier.h"
#include "observability/metrics.h"

namespace sspr::notify {

class MeteredNotifier final : public Notifier {
 public:
  MeteredNotifier(std::unique_ptr<Notifier> inner, observability::Metrics& metrics)
      : inner_(std::move(inner)), metrics_(metrics) {}
  domain::Status send(const OutgoingMessage& message) override;

 private:
  std::unique_ptr<Notifier> inner_;
  observability::Metrics& metrics_;
};

}  // namespace sspr::notify
