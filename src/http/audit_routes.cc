// GET /api/v1/audit: one page of the tenant's audit records, newest first, filtered and paged
// by cursor; GET /api/v1/audit/export: every matching record, streamed as CSV, JSON or NDJSON.

#include "flows/audit_log.h"
#include "http/route_families.h"

namespace sspr::http {
namespace {

domain::audit::AuditFilter filter_of(const ApiRequest& request) {
  domain::audit::AuditFilter filter;
  for (const auto& [name, target] : {std::pair<const char*, std::string*>{"since", &filter.since},
                                     {"until", &filter.until},
                                     {"category", &filter.category},
                                     {"activity", &filter.activity},
                                     {"user", &filter.user},
                                     {"target", &filter.target},
                                     {"result", &filter.result},
                                     {"correlation_id", &filter.correlation_id}}) {
    *target = request.query_value(name).value_or("");
  }
  return filter;
}

domain::Result<flows::AuditLog> audit_log(const ApiRequest& request) {
  if (!request.clock) return domain::errors::internal("no clock for the audit routes");
  return flows::AuditLog(request.store, *request.clock);
}

ApiResult list_audit(const ApiRequest& request) {
  auto tenant = request.tenant();
  if (!tenant) return tenant.error();
  auto limit = domain::audit::page_size(request.query_value("limit"));
  if (!limit) return limit.error();
  auto log = audit_log(request);
  if (!log) return log.error();
  auto page =
      log->page(request.actor, *tenant, filter_of(request), *limit, request.query_value("cursor"));
  if (!page) return page.error();
  nlohmann::json listed = nlohmann::json::array();
  for (const auto& event : page->events) listed.push_back(flows::to_json(event));
  nlohmann::json next = page->next_cursor ? nlohmann::json(*page->next_cursor) : nullptr;
  // "events" is the same list under the name of the first version of this route.
  return ApiResponse::ok({{"value", listed}, {"next_cursor", next}, {"events", listed}});
}

ApiResult export_audit(const ApiRequest& request) {
  auto tenant = request.tenant();
  if (!tenant) return tenant.error();
  auto format = flows::parse_export_format(request.query_value("format").value_or("csv"));
  if (!format) return format.error();
  auto log = audit_log(request);
  if (!log) return log.error();
  auto opened = log->open_export(request.actor, *tenant, filter_of(request), *format);
  if (!opened) return opened.error();
  auto disposition = "attachment; filename=\"" + opened->file_name() + "\"";
  return ApiResponse::streamed(
      std::string(flows::content_type_of(*format)),
      [exported = std::move(*opened)](const ApiResponse::ChunkWriter& write) {
        return exported.write(write);
      },
      {{"Content-Disposition", std::move(disposition)}});
}

}  // namespace

void add_audit_routes(std::vector<ApiRoute>& routes) {
  routes.push_back({Method::kGet, "/api/v1/audit", list_audit});
  routes.push_back({Method::kGet, "/api/v1/audit/export", export_audit});
}

}  // namespace sspr::http
