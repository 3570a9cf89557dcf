// sspr support show CODE: the whole story behind a support code (flows/support_lookup.h):
// the tenant, the user, the error they saw with its user text and what an administrator can
// do, then every audit record of the same flow in time order. Exit 1 when nothing is
// recorded under the code, 2 when it is not a UUID.

#include <memory>
#include <sstream>

#include "cli/command_groups.h"
#include "cli/text_table.h"
#include "flows/support_lookup.h"

namespace sspr::cli {
namespace {

struct SupportOptions {
  std::string code;
};

// The human-readable story; `json` is to_json(record, "en").
std::string render_story(const nlohmann::json& json) {
  std::ostringstream out;
  out << "Support code:   " << json["support_code"].get<std::string>() << '\n'
      << "Tenant:         " << json["tenant"]["name"].get<std::string>() << " (id "
      << json["tenant"]["id"].get<long long>() << ")\n"
      << "User:           " << json["user"].get<std::string>() << '\n'
      << "Correlation id: " << json["correlation_id"].get<std::string>() << '\n';
  const auto& error = json["error"];
  if (error.is_object()) {
    out << "Error:          " << error["code"].get<std::string>();
    if (error["code"] != error["name"]) out << ' ' << error["name"].get<std::string>();
    out << '\n';
    if (error["technical"].is_string()) {
      out << "Technical:      " << error["technical"].get<std::string>() << '\n';
    }
    // What the user read, in their language; then the same in the administrator's (English).
    if (error["user_message"].is_string() && error["user_language"] != "en") {
      out << "User was told:  (" << error["user_language"].get<std::string>() << ") "
          << error["user_message"].get<std::string>() << '\n'
          << "In English:     " << error["message"].get<std::string>() << '\n';
    } else {
      out << "User was told:  " << error["message"].get<std::string>() << '\n';
    }
    if (error["fix"].is_string()) {
      out << "What to do:     " << error["fix"].get<std::string>() << '\n';
    }
  }
  TextTable table({"TIME", "ACTIVITY", "STEP", "METHOD", "RESULT", "CLIENT IP", ""});
  for (const auto& event : json["events"]) {
    std::string result = event["result"].get<std::string>();
    const auto reason = event["result_reason"].get<std::string>();
    if (!reason.empty()) result += " (" + reason + ")";
    table.add_row({event["time"].get<std::string>(), event["activity"].get<std::string>(),
                   event["step"].get<std::string>(), event["method"].get<std::string>(), result,
                   event["client_ip"].get<std::string>(),
                   event["support_code"].get<std::string>().empty() ? "" : "<- this code"});
  }
  out << '\n' << table.render();
  return out.str();
}

void show(CommandContext& context, const SupportOptions& options) {
  auto* directory = context.open_directory();
  if (!directory) return;
  auto found = flows::SupportLookup(*context.store()).find(context.actor(), options.code);
  if (!found) {
    context.report_error(found.error());
    // Nothing recorded is a failed check (exit 1), not bad input: the code is well formed.
    if (found.error().kind == domain::ErrorKind::kNotFound) context.exit_code = kExitRejected;
    return;
  }
  const auto json = flows::to_json(*found, "en");
  context.print(json, render_story(json));
}

}  // namespace

void register_support_commands(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<SupportOptions>();
  auto* group = app.add_subcommand("support", "look up what users were shown");
  group->require_subcommand(1);

  auto* show_command = group->add_subcommand(
      "show", "everything recorded under a support code: the error and the flow behind it");
  show_command->add_option("code", options->code, "the support code (a UUID) the user saw")
      ->required();
  show_command->callback([&context, options] { show(context, *options); });
}

}  // namespace sspr::cli
