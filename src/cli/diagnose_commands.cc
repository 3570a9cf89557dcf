// sspr diagnose --user UPN | --tenant DOMAIN [--lang L]: why a user can or cannot reset their
// password, or what keeps a tenant's users from resetting (SPEC §12, CONTRACT.md). Exit 0 when
// the user can reset (or no finding blocks users), 1 when blocked, 2 for bad usage or an
// unknown user or tenant. --json prints the API's JSON (flows/reset_diagnosis_json.h).

#include <memory>

#include "cli/command_groups.h"
#include "flows/reset_diagnosis.h"
#include "flows/reset_diagnosis_json.h"
#include "i18n/catalogue.h"

namespace sspr::cli {
namespace {

using nlohmann::json;

struct DiagnoseOptions {
  std::string user;
  std::string tenant;
  std::string language = std::string(i18n::kDefaultLanguage);
};

std::string list_text(const json& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item.get<std::string>();
  return out.empty() ? "none" : out;
}

std::string error_lines(const json& error, const std::string& indent) {
  return indent + "user sees: " + error["message"].get<std::string>() + "\n" + indent +
         "technical: " + error["technical"].get<std::string>() + "\n";
}

std::string user_text(const json& d) {
  std::string text = "diagnose " + d["user"].get<std::string>() + " (tenant " +
                     d["tenant"].get<std::string>() +
                     "): " + (d["can_reset"].get<bool>() ? "can reset" : "cannot reset") + "\n";
  if (!d["first_failure"].is_null()) {
    const auto& first = d["first_failure"];
    text += "  the reset flow answers: " + first["code"].get<std::string>() + " " +
            first["name"].get<std::string>() + " (" + first["check"].get<std::string>() + ")\n";
  }
  const auto& account = d["account"];
  text +=
      "\naccount:        " + std::string(account["enabled"].get<bool>() ? "enabled" : "disabled") +
      ", " + account["source"].get<std::string>() +
      (account.contains("auth_mode") ? " (" + account["auth_mode"].get<std::string>() + ")" : "") +
      "\n";
  text += "roles:          " + list_text(account["roles"]) + "\n";
  text += "licences:       " + list_text(account["licenses"]) + "\n";
  text += "policy:         " + d["policy"]["text"].get<std::string>() + "\n";
  std::string methods;
  for (const auto& method : d["methods"]) {
    methods += (methods.empty() ? "" : ", ") + method["type"].get<std::string>();
    if (!method["masked"].get<std::string>().empty()) {
      methods += " " + method["masked"].get<std::string>();
    }
    methods += " (" + method["source"].get<std::string>() + ")";
  }
  text += "methods:        " + (methods.empty() ? std::string("none") : methods) + "\n";
  text +=
      "security answers: " + std::to_string(d["security_questions_registered"].get<int>()) + "\n";
  const auto& registration = d["registration"];
  text += "registration:   " + std::to_string(registration["methods_counted"].get<int>()) + " of " +
          std::to_string(registration["methods_required"].get<int>()) +
          " required methods (usable: " + list_text(registration["usable"]) + ")\n";

  text += "\nchecks (SPEC §4, in the order the reset flow applies them):\n";
  for (const auto& check : d["checks"]) {
    const auto result = check["result"].get<std::string>();
    std::string line = "  " + std::to_string(check["number"].get<int>()) + ". " +
                       check["check"].get<std::string>();
    line.resize(std::max<std::size_t>(line.size() + 1, 30), ' ');
    if (result == "failed") {
      line += "FAILED  " + check["error"]["code"].get<std::string>() + " " +
              check["error"]["name"].get<std::string>() + "\n" +
              error_lines(check["error"], "       ") +
              "       fix: " + check["fix"].get<std::string>() + "\n";
    } else if (result == "passed") {
      line += "passed\n";
    } else {
      line += (result == "not_applicable" ? "n/a     " : "skipped ") +
              check["reason"].get<std::string>() + "\n";
    }
    text += line;
  }
  const auto& throttling = d["throttling"];
  text += "throttling:     ";
  if (throttling["result"] == "failed") {
    text += "BLOCKED  " + throttling["error"]["name"].get<std::string>() + "\n" +
            error_lines(throttling["error"], "       ") +
            "       fix: " + throttling["fix"].get<std::string>() + "\n";
  } else {
    text += "not blocked (" + std::to_string(throttling["reset_attempts_last_hour"].get<int>()) +
            " of " + std::to_string(throttling["reset_attempt_limit"].get<int>()) +
            " reset attempts in the last hour)\n";
  }
  return text;
}

std::string tenant_text(const json& d) {
  std::string text =
      "diagnose tenant " + d["tenant"].get<std::string>() + " (" + d["name"].get<std::string>() +
      "): " + (d["blocks_users"].get<bool>() ? "users are blocked" : "no blocking finding") + "\n";
  text += "  users: " + std::to_string(d["users"].get<std::size_t>()) + " enabled, " +
          std::to_string(d["users_in_scope"].get<std::size_t>()) + " in scope, " +
          std::to_string(d["users_can_reset"].get<std::size_t>()) + " can reset\n";
  text += "  administrators: " + std::to_string(d["administrators"].get<std::size_t>()) + ", " +
          std::to_string(d["administrators_can_reset"].get<std::size_t>()) + " can reset\n";
  if (d.contains("onprem") && d["onprem"].is_object()) {
    const auto& onprem = d["onprem"];
    text += "  writeback: " + onprem["state"].get<std::string>() + " since " +
            onprem["since"].get<std::string>();
    if (!onprem["reason"].get<std::string>().empty()) {
      text += " (" + onprem["reason"].get<std::string>() + ")";
    }
    text += "\n";
  }
  if (d["findings"].empty()) return text + "\nno findings\n";
  text += "\nfindings:\n";
  for (const auto& finding : d["findings"]) {
    text +=
        "  [" + finding["severity"].get<std::string>() + "] " + finding["id"].get<std::string>();
    if (finding.contains("error")) {
      text += " (" + finding["error"]["code"].get<std::string>() + ")";
    }
    text += ": " + finding["text"].get<std::string>() + "\n";
    text += "       users affected: " + std::to_string(finding["affected"].get<std::size_t>());
    if (!finding["examples"].empty()) text += " (e.g. " + list_text(finding["examples"]) + ")";
    text += "\n       fix: " + finding["fix"].get<std::string>() + "\n";
  }
  return text;
}

void diagnose(CommandContext& context, const DiagnoseOptions& options) {
  if (options.user.empty() == options.tenant.empty()) {
    return context.report_usage_error(
        "diagnose needs exactly one of --user UPN or --tenant DOMAIN");
  }
  auto* directory = context.open_directory();
  if (!directory) return;
  flows::ResetDiagnosis diagnosis(*context.store(), context.clock());
  if (!options.user.empty()) {
    auto result = diagnosis.diagnose_user(context.actor(), options.user);
    if (!result) return context.report_error(result.error());
    const auto rendered = flows::to_json(*result, options.language);
    context.print(rendered, user_text(rendered));
    context.exit_code = result->can_reset() ? kExitSuccess : kExitRejected;
    return;
  }
  auto tenant = context.tenant_id(options.tenant);
  if (!tenant) return;
  auto result = diagnosis.diagnose_tenant(context.actor(), *tenant);
  if (!result) return context.report_error(result.error());
  const auto rendered = flows::to_json(*result, options.language);
  context.print(rendered, tenant_text(rendered));
  context.exit_code = result->diagnosis.blocks_users() ? kExitRejected : kExitSuccess;
}

}  // namespace

void register_diagnose_commands(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<DiagnoseOptions>();
  auto* command = app.add_subcommand(
      "diagnose",
      "why a user can or cannot reset their password (the checks of SPEC §4 in order, the error "
      "the user would get and the fix), or what keeps a tenant's users from resetting");
  auto* user = command->add_option("--user", options->user, "the user's UPN");
  auto* tenant = command->add_option("--tenant", options->tenant, "tenant (any of its domains)");
  user->excludes(tenant);
  tenant->excludes(user);
  command
      ->add_option("--lang", options->language,
                   "language of the user texts and fixes: en, da, de, sv (default en)")
      ->check(CLI::IsMember(i18n::supported_languages()));
  command->footer(
      "Exit status: 0 the user can reset (--tenant: no finding blocks users), 1 blocked, 2 bad "
      "usage or unknown user or tenant.");
  command->callback([&context, options] { diagnose(context, *options); });
}

}  // namespace sspr::cli
