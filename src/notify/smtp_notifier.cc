#include "notify/smtp_notifier.h"

#include <algorithm>
#include <cstring>
#include <string_view>

#include "notify/masked_recipient.h"
#include "platform/fiber.h"

namespace sspr::notify {
namespace {

// The message text, handed to libcurl piece by piece (CURLOPT_READFUNCTION).
struct Upload {
  std::string_view rest;
};

size_t read_upload(char* buffer, size_t size, size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const size_t n = std::min(size * count, upload->rest.size());
  std::memcpy(buffer, upload->rest.data(), n);
  upload->rest.remove_prefix(n);
  return n;
}

// A single address: something@domain, with none of the characters that could end the
// SMTP command or the header it is written into.
bool plausible_address(std::string_view address) {
  const auto at = address.find('@');
  return at != std::string_view::npos && at > 0 && at + 1 < address.size() &&
         address.find_first_of("\r\n<> ,;") == std::string_view::npos;
}

std::string domain_of(const std::string& address) {
  const auto at = address.rfind('@');
  return at == std::string::npos ? "localhost" : address.substr(at + 1);
}

bool permanent_failure(CURLcode code, long reply) {
  switch (code) {
    case CURLE_LOGIN_DENIED:
    case CURLE_USE_SSL_FAILED:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
      return true;
    default:
      return reply >= 500 && reply <= 599;
  }
}

}  // namespace

SmtpNotifier::SmtpNotifier(SmtpSettings settings, const domain::Clock& clock,
                           domain::Random& random)
    : settings_(std::move(settings)), clock_(clock), random_(random) {}

domain::Status SmtpNotifier::send(const OutgoingMessage& message) {
  // Blocks on the network: a fiber waits for it parked (platform/fiber.h).
  return platform::fibers::offload([&]() -> domain::Status {
    if (message.channel != Channel::kEmail) {
      return domain::errors::invalid_input("channel", "the SMTP transport carries email only");
    }
    const std::string who = "email to " + mask_recipient(message.channel, message.to);
    if (!plausible_address(message.to)) {
      return domain::errors::invalid_input("to", who + ": not a single email address");
    }

    const std::string text =
        build_mime_message({settings_.from, message.to, message.subject, message.body, clock_.now(),
                            "<" + random_.hex(16) + "@" + domain_of(settings_.from.address) + ">"});
    Upload upload{text};

    CurlTransfer transfer("smtp,smtps", settings_.limits);
    if (!transfer.usable()) {
      return domain::errors::notification_failed(who + ": libcurl could not start", false);
    }
    CURL* h = transfer.handle();
    CurlList recipients;
    recipients.append("<" + message.to + ">");
    const std::string sender = "<" + settings_.from.address + ">";
    curl_easy_setopt(h, CURLOPT_URL, settings_.url.c_str());
    curl_easy_setopt(h, CURLOPT_MAIL_FROM, sender.c_str());
    curl_easy_setopt(h, CURLOPT_MAIL_RCPT, recipients.get());
    curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(h, CURLOPT_READFUNCTION, read_upload);
    curl_easy_setopt(h, CURLOPT_READDATA, &upload);
    curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(text.size()));
    if (settings_.starttls) curl_easy_setopt(h, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
    if (!settings_.username.empty()) {
      curl_easy_setopt(h, CURLOPT_USERNAME, settings_.username.c_str());
      curl_easy_setopt(h, CURLOPT_PASSWORD, settings_.password.c_str());
    }

    const CURLcode code = transfer.perform();
    if (code == CURLE_OK) return domain::ok_status();
    const long reply = transfer.response_code();
    std::string detail = who + ": SMTP: " + transfer.failure_text(code);
    if (reply != 0) detail += " (last reply " + std::to_string(reply) + ")";
    return domain::errors::notification_failed(detail, permanent_failure(code, reply));
  });
}

}  // namespace sspr::notify
