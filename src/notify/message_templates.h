#pragma once
// The localised messages of SPEC §10, rendered from the "notify.*" keys of locales/*.json.
// Placeholders in the catalogue texts: {tenant} {user} {upn} {time} {ip} {reference} {code}
// {code_spoken}.
// A verification code appears in the body as one contiguous run of digits (CONTRACT.md:
// 8 digits by email, 6 by SMS and voice); the voice text also spells it digit by digit.

#include <chrono>
#include <string>
#include <string_view>

#include "notify/notifier.h"

namespace sspr::notify {

struct MessageContext {
  std::string language = "en";  // "en", "da", "de", "sv"; anything else means English
  std::string tenant_name;      // the organisation's display name
  std::string user_name;        // the display name of the user the message is about
  std::string upn;              // that user's sign-in name
  std::chrono::system_clock::time_point time;  // when it happened
  std::string client_ip = {};  // the address the request came from ("-" when unknown)
  std::string reference = {};  // the reset flow's correlation id, for the administrators
};

// The verification code `code` (digits) to `to` over `channel`.
OutgoingMessage verification_code_message(Channel channel, std::string to, std::string_view code,
                                          const MessageContext& context);
// To the user (email): their password was reset.
OutgoingMessage password_reset_notice(std::string to, const MessageContext& context);
// To the user (email): their account was unlocked (without a new password).
OutgoingMessage account_unlocked_notice(std::string to, const MessageContext& context);
// To another administrator (email): the administrator in `context` reset their password.
OutgoingMessage admin_reset_notice(std::string to, const MessageContext& context);
// To an administrator (email): the user in `context` asks for a password reset.
OutgoingMessage contact_admin_request(std::string to, const MessageContext& context);
// `sspr notify test`: checks that a channel's settings work.
OutgoingMessage test_message(Channel channel, std::string to, const MessageContext& context);

// "2026-11-23 14:05 UTC": the time in message texts, the same in every language.
std::string message_time(std::chrono::system_clock::time_point time);

}  // namespace sspr::notify
