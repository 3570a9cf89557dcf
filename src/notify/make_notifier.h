#pragma once
// Builds the configured notifier ([notify] of the configuration, docs/OPERATIONS.md):
// email = "smtp" | "file", sms = "webhook" | "file" (sms covers voice too). SMTP and the
// provider are wrapped in a RetryingNotifier; the outbox file is not (its failures are
// local and do not pass). Secrets (SMTP password, provider token) are read from their files
// here, once, so a missing file is reported at start-up, not at the first message.

#include <memory>

#include "config/config.h"
#include "domain/clock.h"
#include "domain/random.h"
#include "domain/result.h"
#include "notify/notifier.h"
#include "notify/sleeper.h"

namespace sspr::notify {

// What the notifiers use; all must outlive the notifier.
struct NotifierServices {
  const domain::Clock& clock;
  domain::Random& random;
  Sleeper& sleeper;
};

// `config.notify` chooses the transports; an empty outbox_path means
// `config.store.data_dir`/outbox.jsonl. A missing or wrong setting is InvalidInput naming
// the key.
domain::Result<std::unique_ptr<Notifier>> make_notifier(const config::Config& config,
                                                        NotifierServices services);

// The outbox file the configuration names (outbox_path or DATA_DIR/outbox.jsonl).
std::string outbox_path(const config::Config& config);

}  // namespace sspr::notify
