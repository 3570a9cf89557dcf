// sspr banned add | remove | list, and sspr password evaluate (SPEC §8, CONTRACT.md).

#include <memory>

#include "cli/command_groups.h"
#include "cli/password_source.h"
#include "domain/password/password_reason.h"
#include "flows/password_assessment_json.h"
#include "flows/password_protection.h"
#include "platform/zxcvbn_strength_estimator.h"

namespace sspr::cli {
namespace {

struct PasswordOptions {
  std::string tenant;
  std::string user;
  std::vector<std::string> terms;
};

// The password-protection use cases over the context's store; null after reporting an error.
flows::PasswordProtection* open_protection(CommandContext& context) {
  if (!context.open_directory()) return nullptr;
  return context.passwords();
}

std::string joined(const std::vector<std::string>& items, const std::string& separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

void print_terms(CommandContext& context, const std::vector<std::string>& terms,
                 const std::string& tenant) {
  nlohmann::json json = {{"tenant", tenant}, {"terms", terms}, {"count", terms.size()}};
  context.print(json, terms.empty()
                          ? "no custom banned terms in " + tenant
                          : joined(terms, "\n") + "\n(" + std::to_string(terms.size()) + " terms)");
}

void change_terms(CommandContext& context, const PasswordOptions& options, bool add) {
  auto tenant = context.tenant_id(options.tenant);
  if (!tenant) return;
  auto protection = open_protection(context);
  if (!protection) return;
  auto terms = add ? protection->add_terms(context.actor(), context.request_context(), *tenant,
                                           options.terms)
                   : protection->remove_terms(context.actor(), context.request_context(), *tenant,
                                              options.terms);
  if (!terms) return context.report_error(terms.error());
  print_terms(context, *terms, options.tenant);
}

void list_terms(CommandContext& context, const PasswordOptions& options) {
  auto tenant = context.tenant_id(options.tenant);
  if (!tenant) return;
  auto protection = open_protection(context);
  if (!protection) return;
  auto terms = protection->list_terms(context.actor(), *tenant);
  if (!terms) return context.report_error(terms.error());
  print_terms(context, *terms, options.tenant);
}

void evaluate(CommandContext& context, const PasswordOptions& options) {
  auto tenant = context.tenant_id(options.tenant);
  if (!tenant) return;
  auto candidate = read_secret_file("-", "password");
  if (!candidate) return context.report_error(candidate.error());
  auto protection = open_protection(context);
  if (!protection) return;
  std::optional<std::string> user;
  if (!options.user.empty()) user = options.user;
  auto assessment = protection->evaluate(context.actor(), *tenant, user, *candidate);
  if (!assessment) return context.report_error(assessment.error());
  const auto& evaluation = assessment->evaluation;
  std::vector<std::string> reasons;
  for (auto reason : evaluation.reasons) {
    reasons.emplace_back(domain::password::reason_name(reason));
  }
  std::vector<std::string> terms;
  for (const auto& found : evaluation.found) terms.push_back(found.term);
  std::string text = evaluation.accepted ? "accepted" : "rejected: " + joined(reasons, ", ");
  text += "\nbanned-password score: " + std::to_string(evaluation.score);
  if (!terms.empty()) text += "\nbanned terms found: " + joined(terms, ", ");
  if (assessment->strength) {
    text += "\nstrength: " + std::to_string(assessment->strength->score) + "/4";
  }
  const auto json = flows::to_json(*assessment);
  if (json["strength"].is_object()) {
    for (const auto& suggestion : json["strength"]["suggestions"]) {
      text += "\n  - " + suggestion.get<std::string>();
    }
  }
  context.print(json, text);
  context.exit_code = evaluation.accepted ? kExitSuccess : kExitRejected;
}

}  // namespace

void register_password_commands(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<PasswordOptions>();

  auto* banned = app.add_subcommand("banned", "a tenant's custom banned password list");
  banned->require_subcommand(1);
  auto* add = banned->add_subcommand("add", "add terms (4 to 16 characters, at most 1,000)");
  add->add_option("--tenant", options->tenant, "tenant (any of its domains)")->required();
  add->add_option("terms", options->terms, "terms to ban")->required();
  add->callback([&context, options] { change_terms(context, *options, true); });
  auto* remove = banned->add_subcommand("remove", "remove terms");
  remove->add_option("--tenant", options->tenant, "tenant (any of its domains)")->required();
  remove->add_option("terms", options->terms, "terms to remove")->required();
  remove->callback([&context, options] { change_terms(context, *options, false); });
  auto* list = banned->add_subcommand("list", "list the custom terms");
  list->add_option("--tenant", options->tenant, "tenant (any of its domains)")->required();
  list->callback([&context, options] { list_terms(context, *options); });

  auto* password = app.add_subcommand("password", "password protection");
  password->require_subcommand(1);
  auto* evaluate_command = password->add_subcommand(
      "evaluate", "evaluate a candidate password (read from stdin) with the tenant's policy");
  evaluate_command->add_option("--tenant", options->tenant, "tenant (any of its domains)")
      ->required();
  evaluate_command->add_option("--user", options->user,
                               "check the user's names too (user principal name)");
  evaluate_command->callback([&context, options] { evaluate(context, *options); });
}

}  // namespace sspr::cli
