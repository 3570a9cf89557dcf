// sspr notify test --channel email|sms|voice --to ADDRESS [--language en|da|de|sv]
//
// Sends a localised test message through the transport the configuration ([notify]) names,
// so an administrator can check SMTP or SMS/voice provider settings. Exit 0 when the
// transport accepted the message, 1 when delivery failed (the reason on stderr), 2 for a
// bad setting or address.

#include <memory>

#include "cli/command_groups.h"
#include "i18n/catalogue.h"
#include "notify/make_notifier.h"
#include "notify/masked_recipient.h"
#include "notify/message_templates.h"
#include "observability/log.h"

namespace sspr::cli {
namespace {

struct NotifyTestOptions {
  std::string channel;
  std::string to;
  std::string language = "en";
};

void send_test(CommandContext& context, const NotifyTestOptions& options) {
  auto config = context.config();
  if (!config) return context.report_error(config.error());
  log::set_level(log::parse_level((*config)->log.level));
  notify::ThreadSleeper sleeper;
  auto notifier = notify::make_notifier(**config, {context.clock(), context.random(), sleeper});
  if (!notifier) return context.report_error(notifier.error());

  const auto channel = notify::parse_channel(options.channel).value_or(notify::Channel::kEmail);
  notify::MessageContext message_context;
  message_context.language = options.language;
  message_context.tenant_name = "OpenSSPR";
  message_context.time = context.clock().now();
  auto status = (*notifier)->send(notify::test_message(channel, options.to, message_context));
  if (!status) return context.report_error(status.error());

  const std::string masked = notify::mask_recipient(channel, options.to);
  context.print({{"sent", true}, {"channel", options.channel}, {"to", masked}},
                "sent a test " + options.channel + " message to " + masked);
}

}  // namespace

void register_notify_commands(CLI::App& app, CommandContext& context) {
  auto* notify_command =
      app.add_subcommand("notify", "notifications: check the email and SMS/voice settings");
  notify_command->require_subcommand(1);

  auto options = std::make_shared<NotifyTestOptions>();
  auto* test = notify_command->add_subcommand(
      "test", "send a test message through the configured transport ([notify] of --config)");
  test->add_option("--channel", options->channel, "email, sms or voice")
      ->required()
      ->check(CLI::IsMember({"email", "sms", "voice"}));
  test->add_option("--to", options->to, "an email address, or an E.164 phone number (+4512345678)")
      ->required()
      ->type_name("ADDRESS");
  test->add_option("--language", options->language, "language of the message (default en)")
      ->check(CLI::IsMember(i18n::supported_languages()));
  test->callback([&context, options] { send_test(context, *options); });
}

}  // namespace sspr::cli
