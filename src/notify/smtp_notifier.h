#pragma once
// Email through an SMTP server, with libcurl: smtp:// (optionally upgraded with STARTTLS,
// which is then required) or smtps:// (TLS from the first byte), optional AUTH with a user
// name and password, connect and total timeouts, and an optional CA file to verify the
// server. The message is built by build_mime_message (UTF-8, quoted-printable).
//
// Failures: a 5xx reply, refused credentials or a TLS/STARTTLS problem are permanent
// (retrying cannot help); connection failures, timeouts and 4xx replies are transient.

#include <string>

#include "domain/clock.h"
#include "domain/random.h"
#include "notify/curl_transfer.h"
#include "notify/mime_message.h"
#include "notify/notifier.h"

namespace sspr::notify {

struct SmtpSettings {
  std::string url;       // smtp://HOST:PORT or smtps://HOST:PORT
  Mailbox from;          // the envelope sender and the From header
  std::string username;  // empty: no AUTH
  std::string password;
  bool starttls = false;  // smtp:// only: require STARTTLS before anything else is sent
  TransferLimits limits;
};

class SmtpNotifier final : public Notifier {
 public:
  SmtpNotifier(SmtpSettings settings, const domain::Clock& clock, domain::Random& random);

  domain::Status send(const OutgoingMessage& message) override;

 private:
  SmtpSettings settings_;
  const domain::Clock& clock_;
  domain::Random& random_;
};

}  // namespace sspr::notify
