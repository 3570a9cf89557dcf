#pragma once
// The notification port (SPEC §10): one message to one recipient over one channel. The real
// transports are SmtpNotifier (email), SmsWebhookNotifier (SMS and voice) and FileOutbox
// (either, for development); make_notifier() picks them from the configuration.
//
// CONTRACT: a transport never writes the subject or the body into a log line or an error's
// technical text; the recipient appears there only masked (masked_recipient.h).

#include <optional>
#include <string>
#include <string_view>

#include "domain/result.h"

namespace sspr::notify {

enum class Channel { kEmail, kSms, kVoice };

// "email", "sms", "voice": the names of the outbox file and of the CLI.
std::string_view to_string(Channel channel);
std::optional<Channel> parse_channel(std::string_view text);

struct OutgoingMessage {
  Channel channel = Channel::kEmail;
  std::string to;        // an email address, or an E.164 phone number for sms and voice
  std::string subject;   // email only; empty for sms and voice
  std::string body;      // plain text (UTF-8); for voice, the text that is read out
  std::string language;  // "en", "da", "de", "sv": the voice's language; empty = English
};

// Implementations keep no per-message state: send() may run on several threads at once.
// It blocks for the whole delivery (with retries, up to attempts x timeout plus the pauses),
// so callers on an event loop hand it to a worker thread.
class Notifier {
 public:
  virtual ~Notifier() = default;
  // Delivers `message` or returns errors::notification_failed (or invalid_input for a
  // message the transport cannot carry, e.g. an email to a notifier of phones).
  virtual domain::Status send(const OutgoingMessage& message) = 0;
};

}  // namespace sspr::notify
