// GET /api/v1/tenant, POST /api/v1/tenant/domains

#include "http/json_body.h"
#include "http/route_families.h"

namespace sspr::http {
namespace {

ApiResult show_tenant(const ApiRequest& request) {
  auto tenant = request.tenant();
  if (!tenant) return tenant.error();
  return respond(request.directory.tenant(request.actor, *tenant));
}

ApiResult add_domain(const ApiRequest& request) {
  auto tenant = request.tenant();
  if (!tenant) return tenant.error();
  auto body = request.json_body();
  if (!body) return body.error();
  auto domain = required_string(*body, "domain");
  if (!domain) return domain.error();
  return respond(request.directory.add_domain(request.actor, request.context, *tenant, *domain),
                 201);
}

}  // namespace

void add_tenant_routes(std::vector<ApiRoute>& routes) {
  routes.push_back({Method::kGet, "/api/v1/tenant", show_tenant});
  routes.push_back({Method::kPost, "/api/v1/tenant/domains", add_domain});
}

}  // namespace sspr::http
