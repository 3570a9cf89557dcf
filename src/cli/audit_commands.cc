// sspr audit list (the full export with filters and formats comes with the audit issue)

#include <memory>

#include "cli/command_groups.h"
#include "cli/text_table.h"
#include "flows/json_view.h"

namespace sspr::cli {
namespace {

struct AuditOptions {
  std::string tenant;
  std::size_t limit = 50;
  std::string activity;
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
}

}  // namespace sspr::cli
