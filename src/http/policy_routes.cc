// The tenant's self-service password reset policy (SPEC §2): GET shows it, PATCH changes the
// settings given (the field names of the GET answer). A refused policy is 400 with the
// localised explanation in the error envelope.

#include "flows/sspr_policy_view.h"
#include "http/route_families.h"

namespace sspr::http {
namespace {

ApiResult show_policy(const ApiRequest& request) {
  auto tenant = request.tenant();
  if (!tenant) return tenant.error();
  auto view = request.directory.sspr_policy(request.actor, *tenant);
  if (!view) return view.error();
  return ApiResponse::ok(flows::to_json(*view));
}

ApiResult change_policy(const ApiRequest& request) {
  auto tenant = request.tenant();
  if (!tenant) return tenant.error();
  auto body = request.json_body();
  if (!body) return body.error();
  auto update = flows::policy_update_from_json(*body);
  if (!update) return update.error();
  auto view = request.directory.set_sspr_policy(request.actor, request.context, *tenant, *update);
  if (!view) return view.error();
  return ApiResponse::ok(flows::to_json(*view));
}

}  // namespace

void add_policy_routes(std::vector<ApiRoute>& routes) {
  routes.push_back({Method::kGet, "/api/v1/policy", show_policy});
  routes.push_back({Method::kPatch, "/api/v1/policy", change_policy});
}

}  // namespace sspr::http
