// sspr methods set | show | clear | import: administrators pre-populate users' mobile phone,
// office phone and alternate email (SPEC §3, CONTRACT.md). `import` reads the CSV of
// docs/OPERATIONS.md and exits 0 when every row was applied, 1 when some were rejected (the
// rejected rows on stderr, or in the --json report), 2 when the file is unreadable or its
// header is wrong.

#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/command_groups.h"
#include "cli/text_table.h"
#include "domain/error.h"
#include "domain/methods/method_type.h"

namespace sspr::cli {
namespace {

namespace methods = domain::methods;

struct MethodOptions {
  std::string user;
  std::optional<std::string> mobile_phone;
  std::optional<std::string> office_phone;
  std::optional<std::string> email;
  std::string type;
  std::string tenant;
  std::string file;
};

std::string methods_text(const flows::UserMethodsView& view) {
  TextTable table({"TYPE", "VALUE", "SOURCE", "UPDATED"});
  for (const auto& method : view.methods) {
    const auto json = flows::method_json(method);
    std::string value = "(registered)";
    if (json.contains("phoneNumber")) value = json["phoneNumber"].get<std::string>();
    if (json.contains("emailAddress")) value = json["emailAddress"].get<std::string>();
    table.add_row({std::string(methods::to_string(method.type)), value,
                   std::string(methods::to_string(method.source)), method.updated_at});
  }
  if (view.security_questions > 0) {
    table.add_row({"security_questions", "registered: " + std::to_string(view.security_questions),
                   "user", ""});
  }
  return "authentication methods of " + view.upn + "\n" +
         (table.empty() ? std::string("  none") : table.render());
}

void print_methods(CommandContext& context, const flows::UserMethodsView& view) {
  context.print(flows::to_json(view), methods_text(view));
}

void set_methods(CommandContext& context, const MethodOptions& options) {
  methods::ContactMethodChanges changes{options.mobile_phone, options.office_phone, options.email};
  if (changes.empty()) {
    return context.report_usage_error(
        "give at least one of --mobile-phone, --office-phone, --email");
  }
  auto* directory = context.open_directory();
  if (!directory) return;
  auto view = directory->set_contact_methods(context.actor(), context.request_context(),
                                             options.user, changes);
  if (!view) return context.report_error(view.error());
  print_methods(context, *view);
}

void show_methods(CommandContext& context, const MethodOptions& options) {
  auto* directory = context.open_directory();
  if (!directory) return;
  auto view = directory->user_methods(context.actor(), options.user);
  if (!view) return context.report_error(view.error());
  print_methods(context, *view);
}

void clear_method(CommandContext& context, const MethodOptions& options) {
  auto type = methods::method_type_from_string(options.type);
  if (!type) return context.report_usage_error("--type: one of mobile_phone, office_phone, email");
  auto* directory = context.open_directory();
  if (!directory) return;
  auto view = directory->clear_contact_method(context.actor(), context.request_context(),
                                              options.user, *type);
  if (!view) return context.report_error(view.error());
  print_methods(context, *view);
}

void import_methods(CommandContext& context, const MethodOptions& options) {
  std::ifstream in(options.file, std::ios::binary);
  std::stringstream text;
  if (in) text << in.rdbuf();
  if (!in || in.bad()) {
    return context.report_error(
        domain::errors::invalid_input("file", "cannot read " + options.file));
  }
  auto tenant = context.tenant_id(options.tenant);
  if (!tenant) return;
  auto report = context.open_directory()->import_contact_methods(
      context.actor(), context.request_context(), *tenant, text.str());
  if (!report) return context.report_error(report.error());
  if (!context.json) {
    for (const auto& row : report->rejected) {
      std::cerr << "sspr: line " << row.line << (row.upn.empty() ? "" : " (" + row.upn + ")")
                << ": rejected: " << row.reason << " (" << row.error << ")\n";
    }
  }
  context.print(flows::to_json(*report), "applied " + std::to_string(report->applied) +
                                             " rows, rejected " +
                                             std::to_string(report->rejected.size()));
  if (!report->rejected.empty()) context.exit_code = kExitRejected;
}

}  // namespace

void register_method_commands(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<MethodOptions>();
  auto* group = app.add_subcommand(
      "methods", "users' authentication methods: administrators pre-populate phones and email");
  group->require_subcommand(1);

  auto* set = group->add_subcommand(
      "set", "set a user's mobile phone, office phone or alternate email (at least one)");
  set->add_option("--user", options->user, "the user's UPN")->required();
  set->add_option("--mobile-phone", options->mobile_phone,
                  "mobile phone in international form, e.g. +1 4255550100");
  set->add_option("--office-phone", options->office_phone,
                  "office phone in international form, extension allowed (x123)");
  set->add_option("--email", options->email, "alternate email address");
  set->callback([&context, options] { set_methods(context, *options); });

  auto* show = group->add_subcommand(
      "show", "a user's methods (security questions only as how many are registered)");
  show->add_option("--user", options->user, "the user's UPN")->required();
  show->callback([&context, options] { show_methods(context, *options); });

  auto* clear = group->add_subcommand("clear", "remove a user's phone or alternate email");
  clear->add_option("--user", options->user, "the user's UPN")->required();
  clear->add_option("--type", options->type, "mobile_phone, office_phone or email")
      ->required()
      ->check(CLI::IsMember({"mobile_phone", "office_phone", "email"}));
  clear->callback([&context, options] { clear_method(context, *options); });

  auto* import = group->add_subcommand(
      "import", "pre-populate from CSV: header upn,mobile_phone,office_phone,email");
  import->add_option("--tenant", options->tenant, "any domain of the tenant")->required();
  import->add_option("file", options->file, "the CSV file")->required();
  import->callback([&context, options] { import_methods(context, *options);
});
}  // namespace sspr::cli

}  // namespace sspr::cli
