// GET /api/v1/support/{code}: the whole story behind a support code (flows/support_lookup.h),
// for a token with the audit permission, within its tenant (another tenant's code is 404).

#include "flows/support_lookup.h"
#include "http/route_families.h"

namespace sspr::http {
namespace {

ApiResult show_support_code(const ApiRequest& request) {
  auto found = flows::SupportLookup(request.store).find(request.actor, request.param("code"));
  if (!found) return found.error();
  return ApiResponse::ok(flows::to_json(*found, request.language));
}

}  // namespace

void add_support_routes(std::vector<ApiRoute>& routes) {
  routes.push_back({Method::kGet, "/api/v1/support/:code", show_support_code});
}

}  // namespace sspr::http
