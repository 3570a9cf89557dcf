// The route table: every API path of the server in one place (docs/openapi.yaml describes
// them). /healthz is answered before routing, on the event loop, for speed.

#include "http/route_families.h"

namespace sspr::http {

std::vector<ApiRoute> api_routes() {
  std::vector<ApiRoute> routes;
  add_health_routes(routes);
  add_tenant_routes(routes);
  add_user_routes(routes);
  add_group_routes(routes);
  add_license_routes(routes);
  add_role_routes(routes);
  add_audit_routes(routes);
  add_password_routes(routes);
  add_policy_routes(routes);
  add_session_routes(routes);
  add_authentication_method_routes(routes);
  add_captcha_routes(routes);
  add_security_info_routes(routes);
  add_reset_routes(routes);
  add_support_routes(routes);
  add_diagnose_routes(routes);
  add_report_routes(routes);
  add_onprem_routes(routes);
  return routes;
}

}  // namespace sspr::http
