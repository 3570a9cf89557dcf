// Diagnose (SPEC §12): GET /api/v1/diagnose/users/{upn} explains why a user of the token's
// tenant can or cannot reset their password; GET /api/v1/diagnose/tenant lists what keeps the
// tenant's users from resetting. Both answer 200 with the JSON of `sspr diagnose --json`
// (flows/reset_diagnosis_json.h) in the negotiated language, whatever the verdict; reading
// needs the kReadAudit permission (e.g. global, helpdesk or authentication administrators).

#include "flows/reset_diagnosis_json.h"
#include "http/route_families.h"

namespace sspr::http {
namespace {

domain::Result<flows::ResetDiagnosis*> diagnosis_of(const ApiRequest& request) {
  if (!request.diagnosis) return domain::errors::internal("diagnose is not available");
  return request.diagnosis;
}

ApiResult diagnose_user(const ApiRequest& request) {
  if (auto tenant = request.tenant(); !tenant) return tenant.error();
  auto diagnosis = diagnosis_of(request);
  if (!diagnosis) return diagnosis.error();
  auto result = (*diagnosis)->diagnose_user(request.actor, request.param("upn"));
  if (!result) return result.error();
  return ApiResponse::ok(flows::to_json(*result, request.language));
}

ApiResult diagnose_tenant(const ApiRequest& request) {
  auto tenant = request.tenant();
  if (!tenant) return tenant.error();
  auto diagnosis = diagnosis_of(request);
  if (!diagnosis) return diagnosis.error();
  auto result = (*diagnosis)->diagnose_tenant(request.actor, *tenant);
  if (!result) return result.error();
  return ApiResponse::ok(flows::to_json(*result, request.language));
}

}  // namespace

void add_diagnose_routes(std::vector<ApiRoute>& routes) {
  routes.push_back({Method::kGet, "/api/v1/diagnose/users/:upn", diagnose_user});
  routes.push_back({Method::kGet, "/api/v1/diagnose/tenant", diagnose_tenant});
}

}  // namespace sspr::http
