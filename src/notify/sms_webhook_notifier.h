#pragma once
// SMS and voice calls through an HTTP provider, with libcurl. Two request formats:
//   json    POST {"channel": "sms"|"voice", "to": E164, "body": text} as application/json,
//           with "Authorization: Bearer TOKEN" when a token is configured (a generic webhook).
//   twilio  POST application/x-www-form-urlencoded To, From and Body (SMS) or To, From and
//           Twiml = <Response><Say language="..">text</Say></Response> (voice), with HTTP
//           basic auth ACCOUNT_SID:AUTH_TOKEN (Twilio's Messages and Calls resources).
// Any 2xx answer is success. 408, 429, 5xx and connection failures are transient; other
// answers (4xx: refused, 3xx: a wrong URL) are permanent. The provider's answer is never
// read into a log or an error: it may repeat the message.

#include <string>
#include <utility>
#include <vector>

#include "notify/curl_transfer.h"
#include "notify/notifier.h"

namespace sspr::notify {

enum class WebhookFormat { kJson, kTwilio };

struct SmsWebhookSettings {
  WebhookFormat format = WebhookFormat::kJson;
  std::string sms_url;
  std::string voice_url;    // empty: sms_url
  std::string from;         // twilio: the sending number (From)
  std::string token;        // json: bearer token (optional); twilio: the auth token
  std::string account_sid;  // twilio: the basic-auth user
  TransferLimits limits;
};

// What is sent for one message (pure, for tests and for the transport).
struct WebhookRequest {
  std::string url;
  std::string content_type;
  std::string body;
};
WebhookRequest webhook_request(const SmsWebhookSettings& settings, const OutgoingMessage& message);

// application/x-www-form-urlencoded, fields in the given order.
std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields);

// <Response><Say language="da-DK">text</Say></Response>, the text XML-escaped.
std::string twiml_say(const std::string& text, const std::string& language);

// "+" then 7 to 15 digits, the first not 0.
bool is_e164(const std::string& number);

class SmsWebhookNotifier final : public Notifier {
 public:
  explicit SmsWebhookNotifier(SmsWebhookSettings settings);

  domain::Status send(const OutgoingMessage& message) override;

 private:
  SmsWebhookSettings settings_;
};

}  // namespace sspr::notify
