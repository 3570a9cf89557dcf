// sspr audit list | export

#include <cstdio>
#include <memory>

#include "cli/command_groups.h"
#include "cli/text_table.h"
#include "flows/audit_log.h"
#include "flows/json_view.h"

namespace sspr::cli {
namespace {

struct AuditOptions {
  std::string tenant;
  std::size_t limit = 50;
  std::string activity;
  // export
  std::string format;
  domain::audit::AuditFilter filter;
};

void list_audit(CommandContext& context, const AuditOptions& options) {
  auto tenant = context.tenant_id(options.tenant);
  if (!tenant) return;
  store::AuditQuery query;
  query.tenant_id = *tenant;
  query.activity = options.activity;
  query.limit = options.limit;
  auto events = context.open_directory()->audit(context.actor(), query);
  if (!events) return context.report_error(events.error());
  nlohmann::json json = nlohmann::json::array();
  TextTable table({"TIME", "ACTIVITY", "ACTOR", "TARGET", "RESULT"});
  for (const auto& event : *events) {
    json.push_back(flows::to_json(event));
    std::string result = event.result;
    if (!event.result_reason.empty()) result += " (" + event.result_reason + ")";
    table.add_row({event.time, event.activity, event.actor, event.target, result});
  }
  context.print(json, table.empty() ? "no audit records" : table.render());
}

// Streams every matching record to stdout, oldest first.
void export_audit(CommandContext& context, const AuditOptions& options) {
  auto format = flows::parse_export_format(options.format);
  if (!format) return context.report_error(format.error());
  if (!context.open_directory()) return;
  auto tenant = context.tenant_id(options.tenant);
  if (!tenant) return;
  flows::AuditLog log(*context.store(), context.clock());
  auto exported = log.open_export(context.actor(), *tenant, options.filter, *format);
  if (!exported) return context.report_error(exported.error());
  bool written = true;
  auto status = exported->write([&](std::string_view chunk) {
    written = std::fwrite(chunk.data(), 1, chunk.size(), stdout) == chunk.size();
    return written;
  });
  if (std::fflush(stdout) != 0) written = false;
  if (!status) return context.report_error(status.error());
  if (!written) {
    context.report_error(domain::errors::internal("writing the export to stdout failed"));
  }
}

}  // namespace

void register_audit_commands(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<AuditOptions>();
  auto* group = app.add_subcommand("audit", "the audit log");
  group->require_subcommand(1);

  auto* list = group->add_subcommand("list", "list a tenant's audit records, newest first");
  list->add_option("--tenant", options->tenant, "any domain of the tenant")->required();
  list->add_option("--limit", options->limit, "at most this many records")
      ->check(CLI::Range(1, 10000))
      ->capture_default_str();
  list->add_option("--activity", options->activity,
                   "only this activity, e.g. \"Add user\" (exact name)");
  list->callback([&context, options] { list_audit(context, *options); });

  auto* exported = group->add_subcommand(
      "export", "write every matching audit record to stdout, oldest first (streamed)");
  auto& filter = options->filter;
  exported->add_option("--tenant", options->tenant, "any domain of the tenant")->required();
  exported->add_option("--format", options->format, "csv, json (an array) or ndjson")
      ->required()
      ->check(CLI::IsMember({"csv", "json", "ndjson"}));
  exported->add_option("--since", filter.since, "from this time on (ISO 8601 or a date)");
  exported->add_option("--until", filter.until, "before this time (ISO 8601 or a date)");
  exported->add_option("--activity", filter.activity, "only this activity (exact name)");
  exported->add_option("--category", filter.category, "only this category (exact name)");
  exported->add_option("--user", filter.user, "records whose target or actor is this UPN");
  exported->add_option("--result", filter.result, "success or failure")
      ->check(CLI::IsMember({"success", "failure"}));
  exported->add_option("--correlation-id", filter.correlation_id, "one request's records");
  exported->callback([&context, options] { export_audit(context, *options); });
}

}  // namespace sspr::cli
