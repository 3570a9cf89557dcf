// GET /api/v1/audit: the tenant's audit records, newest first, filtered by query parameters.

#include "http/list_window.h"
#include "http/route_families.h"

namespace sspr::http {
namespace {

ApiResult list_audit(const ApiRequest& request) {
  auto tenant = request.tenant();
  if (!tenant) return tenant.error();
  auto window = list_window(request);
  if (!window) return window.error();
  store::AuditQuery query;
  query.tenant_id = *tenant;
  query.offset = window->offset;
  query.limit = window->limit;
  for (const auto& [name, target] : {std::pair<const char*, std::string*>{"since", &query.since},
                                     {"until", &query.until},
                                     {"activity", &query.activity},
                                     {"category", &query.category},
                                     {"target", &query.target},
                                     {"correlation_id", &query.correlation_id}}) {
    *target = request.query_value(name).value_or("");
  }
  auto events = request.directory.audit(request.actor, query);
  if (!events) return events.error();
  nlohmann::json listed = nlohmann::json::array();
  for (const auto& event : *events) listed.push_back(flows::to_json(event));
  return ApiResponse::ok({{"events", std::move(listed)}});
}

}  // namespace

void add_audit_routes(std::vector<ApiRoute>& routes) {
  routes.push_back({Method::kGet, "/api/v1/audit", list_audit});
}

}  // namespace sspr::http
