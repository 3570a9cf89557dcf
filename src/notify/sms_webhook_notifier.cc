#include "notify/sms_webhook_notifier.h"

#include <nlohmann/json.hpp>

#include "domain/xml_text.h"
#include "notify/masked_recipient.h"
#include "platform/fiber.h"

namespace sspr::notify {
namespace {

std::string percent_encode(const std::string& text) {
  char* escaped = curl_easy_escape(nullptr, text.data(), static_cast<int>(text.size()));
  if (!escaped) return {};
  std::string out(escaped);
  curl_free(escaped);
  return out;
}

std::string voice_locale(const std::string& language) {
  if (language == "da") return "da-DK";
  if (language == "de") return "de-DE";
  if (language == "sv") return "sv-SE";
  return "en-US";
}

size_t discard_answer(char*, size_t size, size_t count, void*) { return size * count; }

bool permanent_status(long status) {
  if (status == 408 || status == 429) return false;
  return status >= 300 && status <= 499;
}

}  // namespace

std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string out;
  for (const auto& [name, value] : fields) {
    if (!out.empty()) out += '&';
    out += percent_encode(name) + "=" + percent_encode(value);
  }
  return out;
}

std::string twiml_say(const std::string& text, const std::string& language) {
  return "<Response><Say language=\"" + voice_locale(language) + "\">" + domain::xml_escape(text) +
         "</Say></Response>";
}

bool is_e164(const std::string& number) {
  if (number.size() < 8 || number.size() > 16 || number[0] != '+' || number[1] == '0') {
    return false;
  }
  return number.find_first_not_of("0123456789", 1) == std::string::npos;
}

WebhookRequest webhook_request(const SmsWebhookSettings& settings, const OutgoingMessage& message) {
  const bool voice = message.channel == Channel::kVoice;
  const std::string& url =
      voice && !settings.voice_url.empty() ? settings.voice_url : settings.sms_url;
  if (settings.format == WebhookFormat::kJson) {
    const nlohmann::json body = {
        {"channel", to_string(message.channel)}, {"to", message.to}, {"body", message.body}};
    return {url, "application/json",
            body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)};
  }
  std::vector<std::pair<std::string, std::string>> fields = {{"To", message.to},
                                                             {"From", settings.from}};
  if (voice) {
    fields.emplace_back("Twiml", twiml_say(message.body, message.language));
  } else {
    fields.emplace_back("Body", message.body);
  }
  return {url, "application/x-www-form-urlencoded", form_encode(fields)};
}

SmsWebhookNotifier::SmsWebhookNotifier(SmsWebhookSettings settings)
    : settings_(std::move(settings)) {}

domain::Status SmsWebhookNotifier::send(const OutgoingMessage& message) {
  // Blocks on the network: a fiber waits for it parked (platform/fiber.h).
  return platform::fibers::offload([&]() -> domain::Status {
    if (message.channel == Channel::kEmail) {
      return domain::errors::invalid_input("channel",
                                           "the SMS provider carries sms and voice only");
    }
    const std::string who = std::string(to_string(message.channel)) + " to " +
                            mask_recipient(message.channel, message.to);
    if (!is_e164(message.to)) {
      return domain::errors::invalid_input("to", who + ": not an E.164 phone number");
    }
    const auto request = webhook_request(settings_, message);

    CurlTransfer transfer("http,https", settings_.limits);
    if (!transfer.usable()) {
      return domain::errors::notification_failed(who + ": libcurl could not start", false);
    }
    CURL* h = transfer.handle();
    CurlList headers;
    headers.append("Content-Type: " + request.content_type);
    headers.append("Accept: application/json");
    headers.append("Expect:");  // no 100-continue round trip
    if (settings_.format == WebhookFormat::kJson && !settings_.token.empty()) {
      headers.append("Authorization: Bearer " + settings_.token);
    }
    curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(h, CURLOPT_POST, 1L);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.data());
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, discard_answer);
    if (settings_.format == WebhookFormat::kTwilio) {
      curl_easy_setopt(h, CURLOPT_HTTPAUTH, static_cast<long>(CURLAUTH_BASIC));
      curl_easy_setopt(h, CURLOPT_USERNAME, settings_.account_sid.c_str());
      curl_easy_setopt(h, CURLOPT_PASSWORD, settings_.token.c_str());
    }

    const CURLcode code = transfer.perform();
    if (code != CURLE_OK) {
      return domain::errors::notification_failed(
          who + ": SMS provider: " + transfer.failure_text(code),
          code == CURLE_URL_MALFORMAT || code == CURLE_UNSUPPORTED_PROTOCOL ||
              code == CURLE_PEER_FAILED_VERIFICATION);
    }
    const long status = transfer.response_code();
    if (status >= 200 && status <= 299) return domain::ok_status();
    return domain::errors::notification_failed(
        who + ": SMS provider answered HTTP " + std::to_string(status), permanent_status(status));
  });
}

}  // namespace sspr::notify
