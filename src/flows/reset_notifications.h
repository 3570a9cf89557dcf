#pragma once
// The emails of the self-service reset flow (SPEC §5.6, §6, §10):
//  - after a reset or an unlock, the notice to the user's primary and alternate email;
//  - after an administrator's reset, the notice to the other administrators;
//  - the contact-your-administrator request to the tenant's administrators.
// Recipients are chosen inside the caller's transaction (domain/reset/notice_recipients.h);
// messages are rendered from the notify.* catalogue keys (notify/message_templates.h) in the
// user's language and sent one by one through the Notifier, never inside a transaction.
// Each sending step is audited once ("Self-service password reset flow activity progress",
// details.step, how many recipients and how many delivered; failure NotificationFailed when
// any could not be delivered). No address, and nothing of the message, is audited.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/actor.h"
#include "domain/clock.h"
#include "domain/error.h"
#include "domain/methods/registered_method.h"
#include "domain/random.h"
#include "domain/user.h"
#include "notify/notifier.h"
#include "store/store.h"

namespace sspr::flows {

// Whom a message is about, and the request it answers.
struct NoticeSubject {
  domain::RequestContext ctx;  // the flow's correlation id, the client's address
  domain::User user;
  std::string tenant_name;
  std::string flow_id;
  std::string language = "en";
};

struct Delivery {
  std::size_t recipients = 0;
  std::size_t delivered = 0;
  std::optional<domain::Error> failure;  // the last delivery error, if any
};

enum class NoticeKind {
  kPasswordReset,    // to the user
  kAccountUnlocked,  // to the user
  kAdminReset,       // to the other administrators
  kAdminHelp,        // the contact-your-administrator request
};

class ResetNotifications {
 public:
  ResetNotifications(store::Store& store, const domain::Clock& clock, domain::Random& random,
                     notify::Notifier& notifier);

  // The user's primary email and registered alternate email (among `methods`, the user's
  // registered methods), each once.
  static std::vector<std::string> user_mailboxes(
      const domain::User& user, const std::vector<domain::methods::RegisteredMethod>& methods);
  // The tenant's administrators with an email, except `about` (at most 100).
  static std::vector<std::string> other_administrators(store::StoreTransaction& tx,
                                                       const domain::User& about);

  // Sends the message of `kind` to each of `to` and audits the step. Nothing is sent (and
  // nothing audited) when `to` is empty.
  Delivery send(NoticeKind kind, const NoticeSubject& subject, const std::vector<std::string>& to);

 private:
  store::Store& store_;
  const domain::Clock& clock_;
  domain::Random& random_;
  notify::Notifier& notifier_;
};

}  // namespace sspr::flows
