#include "notify/message_templates.h"

#include <ctime>
#include <map>

#include "i18n/catalogue.h"

namespace sspr::notify {
namespace {

using Values = std::map<std::string, std::string, std::less<>>;

// Replaces each {name} of `values` in one pass, so a value that itself contains braces
// (a user's display name) is never expanded again. Unknown {names} stay as they are.
std::string fill(std::string_view text, const Values& values) {
  std::string out;
  while (!text.empty()) {
    const auto open = text.find('{');
    const auto close = open == std::string_view::npos ? open : text.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(text.substr(0, open));
    const auto found = values.find(text.substr(open + 1, close - open - 1));
    if (found != values.end()) {
      out += found->second;
    } else {
      out.append(text.substr(open, close - open + 1));
    }
    text.remove_prefix(close + 1);
  }
  out.append(text);
  return out;
}

std::string spoken_digits(std::string_view code) {
  std::string out;
  for (char c : code) {
    if (!out.empty()) out += ' ';
    out += c;
  }
  return out;
}

Values values_of(const MessageContext& context) {
  return {{"tenant", context.tenant_name},
          {"user", context.user_name},
          {"upn", context.upn},
          {"time", message_time(context.time)},
          {"ip", context.client_ip.empty() ? "-" : context.client_ip},
          {"reference", context.reference.empty() ? "-" : context.reference}};
}

std::string text(const MessageContext& context, std::string_view key, const Values& values) {
  return fill(i18n::translate(context.language, key), values);
}

OutgoingMessage email(std::string to, const MessageContext& context, std::string_view key) {
  const Values values = values_of(context);
  const std::string prefix = "notify." + std::string(key);
  return {Channel::kEmail, std::move(to), text(context, prefix + ".subject", values),
          text(context, prefix + ".body", values), context.language};
}

}  // namespace

std::string message_time(std::chrono::system_clock::time_point time) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char out[32];
  std::strftime(out, sizeof out, "%Y-%m-%d %H:%M UTC", &utc);
  return out;
}

OutgoingMessage verification_code_message(Channel channel, std::string to, std::string_view code,
                                          const MessageContext& context) {
  Values values = values_of(context);
  values["code"] = std::string(code);
  values["code_spoken"] = spoken_digits(code);
  switch (channel) {
    case Channel::kEmail:
      return {channel, std::move(to), text(context, "notify.code.email.subject", values),
              text(context, "notify.code.email.body", values), context.language};
    case Channel::kSms:
      return {channel, std::move(to), "", text(context, "notify.code.sms.body", values),
              context.language};
    case Channel::kVoice:
      return {channel, std::move(to), "", text(context, "notify.code.voice.body", values),
              context.language};
  }
  return {};
}

OutgoingMessage password_reset_notice(std::string to, const MessageContext& context) {
  return email(std::move(to), context, "reset");
}

OutgoingMessage account_unlocked_notice(std::string to, const MessageContext& context) {
  return email(std::move(to), context, "unlock");
}

OutgoingMessage admin_reset_notice(std::string to, const MessageContext& context) {
  return email(std::move(to), context, "admin_reset");
}

OutgoingMessage contact_admin_request(std::string to, const MessageContext& context) {
  return email(std::move(to), context, "contact_admin");
}

OutgoingMessage test_message(Channel channel, std::string to, const MessageContext& context) {
  const Values values = values_of(context);
  return {channel, std::move(to),
          channel == Channel::kEmail ? text(context, "notify.test.subject", values) : "",
          text(context, "notify.test.body", values), context.language};
}

}  // namespace sspr::notify
