// sspr report registration | usage (SPEC §11): the reports of GET /api/v1/reports/* as JSON
// or CSV on stdout.

#include <cstdio>
#include <memory>

#include "cli/command_groups.h"
#include "flows/audit_reports.h"
#include "flows/audit_reports_output.h"

namespace sspr::cli {
namespace {

struct ReportOptions {
  std::string tenant;
  std::string format = "json";
  std::string since;
  std::string until;
};

bool write_stdout(std::string_view text) {
  return std::fwrite(text.data(), 1, text.size(), stdout) == text.size();
}

void finish(CommandContext& context, bool written) {
  if (std::fflush(stdout) != 0 || !written) {
    context.report_error(domain::errors::internal("writing the report to stdout failed"));
  }
}

void registration(CommandContext& context, const ReportOptions& options) {
  if (!context.open_directory()) return;
  auto tenant = context.tenant_id(options.tenant);
  if (!tenant) return;
  flows::AuditReports reports(*context.store(), context.clock());
  auto report = reports.registration(context.actor(), *tenant);
  if (!report) return context.report_error(report.error());
  if (options.format == "csv")
    return finish(context, flows::write_registration_csv(*report, write_stdout));
  finish(context, write_stdout(flows::to_json(*report).dump(2) + "\n"));
}

void usage(CommandContext& context, const ReportOptions& options) {
  if (!context.open_directory()) return;
  auto tenant = context.tenant_id(options.tenant);
  if (!tenant) return;
  flows::AuditReports reports(*context.store(), context.clock());
  auto report = reports.usage(context.actor(), *tenant, options.since, options.until);
  if (!report) return context.report_error(report.error());
  if (options.format == "csv") return finish(context, write_stdout(flows::usage_csv(*report)));
  finish(context, write_stdout(flows::to_json(*report).dump(2) + "\n"));
}

}  // namespace

void register_report_commands(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<ReportOptions>();
  auto* group = app.add_subcommand("report", "registration and usage reports (SPEC §11)");
  group->require_subcommand(1);

  auto* registered = group->add_subcommand(
      "registration", "every user's methods, registered / capable under the current policy");
  auto* used = group->add_subcommand(
      "usage", "resets and unlocks per day, by method combination, failures by reason");
  for (auto* command : {registered, used}) {
    command->add_option("--tenant", options->tenant, "any domain of the tenant")->required();
    command->add_option("--format", options->format, "json or csv")
        ->check(CLI::IsMember({"json", "csv"}))
        ->capture_default_str();
  }
  used->add_option("--since", options->since, "from this time on (ISO 8601 or a date)");
  used->add_option("--until", options->until, "before this time (ISO 8601 or a date)");
  registered->callback([&context, options] { registration(context, *options); });
  used->callback([&context, options] { usage(context, *options); });
}

}  // namespace sspr::cli
