#include "notify/make_notifier.h"

#include <filesystem>
#include <fstream>
#include <iterator>

#include "notify/channel_router.h"
#include "notify/file_outbox.h"
#include "notify/retrying_notifier.h"
#include "notify/sms_webhook_notifier.h"
#include "notify/smtp_notifier.h"

namespace sspr::notify {
namespace {

using domain::Result;
namespace errors = domain::errors;

// The whole file, less trailing line ends. Errors name the key and the file, never content.
Result<std::string> read_secret(const std::string& key, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return errors::invalid_input("notify." + key, "cannot read the file " + path);
  std::string secret((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  while (!secret.empty() && (secret.back() == '\n' || secret.back() == '\r')) secret.pop_back();
  if (secret.empty())
    return errors::invalid_input("notify." + key, "the file " + path + " is empty");
  return secret;
}

Result<std::string> required(const std::string& key, const std::string& value) {
  if (value.empty()) return errors::invalid_input("notify." + key, "must be set");
  return value;
}

TransferLimits limits_of(const config::NotifyConfig& c, const std::string& ca_file) {
  return {std::chrono::seconds(c.connect_timeout_seconds), std::chrono::seconds(c.timeout_seconds),
          ca_file};
}

Result<std::unique_ptr<Notifier>> smtp_transport(const config::NotifyConfig& c,
                                                 const NotifierServices& services) {
  auto url = required("smtp_url", c.smtp_url);
  if (!url) return url.error();
  if (!url->starts_with("smtp://") && !url->starts_with("smtps://")) {
    return errors::invalid_input("notify.smtp_url", "must start with smtp:// or smtps://");
  }
  auto from = required("smtp_from", c.smtp_from);
  if (!from) return from.error();
  SmtpSettings settings;
  settings.url = *url;
  settings.from = parse_mailbox(*from);
  if (settings.from.address.find('@') == std::string::npos) {
    return errors::invalid_input("notify.smtp_from", "must contain an email address");
  }
  settings.starttls = c.smtp_starttls;
  settings.limits = limits_of(c, c.smtp_ca_file);
  if (!c.smtp_username.empty()) {
    auto password = read_secret("smtp_password_file", c.smtp_password_file);
    if (!password) return password.error();
    settings.username = c.smtp_username;
    settings.password = std::move(password).value();
  }
  return std::unique_ptr<Notifier>(
      std::make_unique<SmtpNotifier>(std::move(settings), services.clock, services.random));
}

bool is_http_url(const std::string& url) {
  return url.starts_with("http://") || url.starts_with("https://");
}

Result<std::unique_ptr<Notifier>> webhook_transport(const config::NotifyConfig& c) {
  auto url = required("sms_url", c.sms_url);
  if (!url) return url.error();
  if (!is_http_url(*url)) {
    return errors::invalid_input("notify.sms_url", "must start with http:// or https://");
  }
  if (!c.voice_url.empty() && !is_http_url(c.voice_url)) {
    return errors::invalid_input("notify.voice_url", "must start with http:// or https://");
  }
  SmsWebhookSettings settings;
  settings.format = c.sms_format == "twilio" ? WebhookFormat::kTwilio : WebhookFormat::kJson;
  settings.sms_url = *url;
  settings.voice_url = c.voice_url;
  settings.limits = limits_of(c, c.sms_ca_file);
  if (settings.format == WebhookFormat::kTwilio) {
    auto sid = required("sms_account_sid", c.sms_account_sid);
    if (!sid) return sid.error();
    auto from = required("sms_from", c.sms_from);
    if (!from) return from.error();
    auto token = read_secret("sms_token_file", c.sms_token_file);
    if (!token) return token.error();
    settings.account_sid = *sid;
    settings.from = *from;
    settings.token = std::move(token).value();
  } else if (!c.sms_token_file.empty()) {
    auto token = read_secret("sms_token_file", c.sms_token_file);
    if (!token) return token.error();
    settings.token = std::move(token).value();
  }
  return std::unique_ptr<Notifier>(std::make_unique<SmsWebhookNotifier>(std::move(settings)));
}

std::unique_ptr<Notifier> with_retries(std::unique_ptr<Notifier> transport,
                                       const config::NotifyConfig& c, Sleeper& sleeper) {
  return std::make_unique<RetryingNotifier>(
      std::move(transport), RetryPolicy{c.attempts, std::chrono::milliseconds(c.retry_backoff_ms)},
      sleeper);
}

}  // namespace

std::string outbox_path(const config::Config& config) {
  if (!config.notify.outbox_path.empty()) return config.notify.outbox_path;
  return (std::filesystem::path(config.store.data_dir) / "outbox.jsonl").string();
}

Result<std::unique_ptr<Notifier>> make_notifier(const config::Config& config,
                                                NotifierServices services) {
  const auto& c = config.notify;
  std::unique_ptr<Notifier> email;
  if (c.email == "smtp") {
    auto transport = smtp_transport(c, services);
    if (!transport) return transport.error();
    email = with_retries(std::move(transport).value(), c, services.sleeper);
  } else {
    email = std::make_unique<FileOutbox>(outbox_path(config), services.clock);
  }
  std::unique_ptr<Notifier> phone;
  if (c.sms == "webhook") {
    auto transport = webhook_transport(c);
    if (!transport) return transport.error();
    phone = with_retries(std::move(transport).value(), c, services.sleeper);
  } else {
    phone = std::make_unique<FileOutbox>(outbox_path(config), services.clock);
  }
  return std::unique_ptr<Notifier>(
      std::make_unique<ChannelRouter>(std::move(email), std::move(phone)));
}

}  // namespace sspr::notify
