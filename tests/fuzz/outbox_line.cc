// Fuzzes the notification renderer (notify/message_templates.h: the localised texts of SPEC §10
// filled with user-controlled names) and the outbox line it is recorded as
// (notify/file_outbox.h, one JSON object per line).
//
// Properties checked on every input:
// - values are inserted verbatim and never expanded again: rendering with the real values
//   equals rendering with unique stand-ins and then putting the values in their place (so a
//   display name "{code}" cannot pull the code, or anything else, into a message);
// - no placeholder is left when the values hold no braces, a verification code is in the
//   body as one run of digits, and the voice text spells it digit by digit;
// - the outbox line is one line ending in a newline, a JSON object with exactly "time",
//   "channel", "to", "subject", "body" in that order, holding the message's fields unchanged
//   (when they are valid UTF-8; invalid bytes are replaced, and the line is still JSON).

#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/password/utf8.h"
#include "notify/file_outbox.h"
#include "notify/message_templates.h"

namespace {

namespace notify = sspr::notify;
using nlohmann::json;

[[noreturn]] void fail(const std::string& what) {
  std::cerr << "outbox_line: " << what << "\n";
  std::abort();
}

enum class Kind { kCode, kReset, kUnlock, kAdminReset, kContactAdmin, kTest };

notify::OutgoingMessage render(Kind kind, notify::Channel channel, const std::string& to,
                               const std::string& code, const notify::MessageContext& context) {
  switch (kind) {
    case Kind::kCode:
      return notify::verification_code_message(channel, to, code, context);
    case Kind::kReset:
      return notify::password_reset_notice(to, context);
    case Kind::kUnlock:
      return notify::account_unlocked_notice(to, context);
    case Kind::kAdminReset:
      return notify::admin_reset_notice(to, context);
    case Kind::kContactAdmin:
      return notify::contact_admin_request(to, context);
    case Kind::kTest:
      return notify::test_message(channel, to, context);
  }
  return {};
}

// Replaces every mark in `text` by its value in one pass (a value holding a mark stays as is).
std::string put_values(const std::string& text, const std::vector<std::string>& marks,
                       const std::vector<std::string>& values) {
  std::string out;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t i = 0;
    while (i < marks.size() && text.compare(at, marks[i].size(), marks[i]) != 0) ++i;
    if (i < marks.size()) {
      out += values[i];
      at += marks[i].size();
    } else {
      out += text[at++];
    }
  }
  return out;
}

std::string spoken(const std::string& code) {
  std::string out;
  for (char c : code) {
    if (!out.empty()) out += ' ';
    out += c;
  }
  return out;
}

bool valid_utf8(const std::string& text) {
  return sspr::domain::password::decode_utf8(text).has_value();
}

void check_outbox_line(const notify::OutgoingMessage& message, const std::string& time_iso) {
  const std::string line = notify::outbox_line(message, time_iso);
  if (line.empty() || line.back() != '\n' || std::count(line.begin(), line.end(), '\n') != 1) {
    fail("the outbox line is not exactly one line");
  }
  const auto parsed = nlohmann::ordered_json::parse(line, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) fail("the outbox line is not a JSON object");
  const std::vector<std::string> keys = {"time", "channel", "to", "subject", "body"};
  std::vector<std::string> seen;
  for (const auto& item : parsed.items()) {
    if (!item.value().is_string()) fail("outbox field " + item.key() + " is not a string");
    seen.push_back(item.key());
  }
  if (seen != keys) fail("the outbox line does not hold exactly its five fields in order");
  if (parsed["channel"] != std::string(notify::to_string(message.channel))) fail("wrong channel");
  const std::pair<const char*, const std::string*> fields[] = {{"time", &time_iso},
                                                               {"to", &message.to},
                                                               {"subject", &message.subject},
                                                               {"body", &message.body}};
  for (const auto& [name, value] : fields) {
    if (valid_utf8(*value) && parsed[name] != *value)
      fail(std::string("outbox ") + name + " changed");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider input(data, size);
  const auto kind = input.PickValueInArray({Kind::kCode, Kind::kReset, Kind::kUnlock,
                                            Kind::kAdminReset, Kind::kContactAdmin, Kind::kTest});
  const auto channel = input.PickValueInArray(
      {notify::Channel::kEmail, notify::Channel::kSms, notify::Channel::kVoice});
  const bool code_of_eight = input.ConsumeBool();
  std::string code;
  for (int i = 0; i < (code_of_eight ? 8 : 6); ++i) {
    code += static_cast<char>('0' + input.ConsumeIntegralInRange<int>(0, 9));
  }
  notify::MessageContext context;
  context.language = input.ConsumeBool()
                         ? input.PickValueInArray<std::string>({"en", "da", "de", "sv"})
                         : input.ConsumeRandomLengthString(8);
  context.time = std::chrono::system_clock::time_point(
      std::chrono::seconds(input.ConsumeIntegralInRange<std::int64_t>(0, 4'102'444'800)));
  std::string* const values[] = {&context.tenant_name, &context.user_name, &context.upn,
                                 &context.client_ip, &context.reference};
  for (auto* value : values) *value = input.ConsumeRandomLengthString(40);
  const std::string to = input.ConsumeRandomLengthString(40);
  const std::string time_iso = input.ConsumeRemainingBytesAsString();

  const auto message = render(kind, channel, to, code, context);
  if (message.to != to) fail("the recipient changed");
  if (message.language != context.language) fail("the language changed");

  // The same message rendered with stand-ins, then the values put in their place.
  notify::MessageContext stand_in = context;
  const std::vector<std::string> marks = {"\x01T\x01", "\x01U\x01", "\x01P\x01", "\x01I\x01",
                                          "\x01R\x01"};
  std::string* const stand_in_values[] = {&stand_in.tenant_name, &stand_in.user_name, &stand_in.upn,
                                          &stand_in.client_ip, &stand_in.reference};
  std::vector<std::string> inserted;
  for (std::size_t i = 0; i < marks.size(); ++i) {
    *stand_in_values[i] = marks[i];
    const bool dash = i >= 3 && values[i]->empty();  // no ip or reference: "-"
    inserted.push_back(dash ? std::string("-") : *values[i]);
  }
  auto expected = render(kind, channel, to, code, stand_in);
  expected.subject = put_values(expected.subject, marks, inserted);
  expected.body = put_values(expected.body, marks, inserted);
  if (expected.subject != message.subject || expected.body != message.body) {
    fail("a value was not inserted verbatim (expanded again, or changed)");
  }

  bool braces = false;
  for (auto* value : values) braces = braces || value->find_first_of("{}") != std::string::npos;
  if (!braces) {
    for (const char* placeholder : {"{tenant}", "{user}", "{upn}", "{time}", "{ip}", "{reference}",
                                    "{code}", "{code_spoken}"}) {
      if (message.subject.find(placeholder) != std::string::npos ||
          message.body.find(placeholder) != std::string::npos) {
        fail(std::string("placeholder ") + placeholder + " left in the message");
      }
    }
  }
  if (kind == Kind::kCode) {
    if (message.body.find(code) == std::string::npos) fail("the code is not in the body");
    if (channel == notify::Channel::kVoice &&
        message.body.find(spoken(code)) == std::string::npos) {
      fail("the voice text does not spell the code");
    }
  }
  check_outbox_line(message, time_iso);
  return 0;
}
