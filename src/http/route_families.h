#pragma once
// Each family of admin API routes adds its routes to the table (route_table.cc).

#include <vector>

#include "http/api_route.h"

namespace sspr::http {

void add_health_routes(std::vector<ApiRoute>& routes);
void add_tenant_routes(std::vector<ApiRoute>& routes);
void add_user_routes(std::vector<ApiRoute>& routes);
void add_group_routes(std::vector<ApiRoute>& routes);
void add_license_routes(std::vector<ApiRoute>& routes);
void add_role_routes(std::vector<ApiRoute>& routes);
void add_audit_routes(std::vector<ApiRoute>& routes);
void add_password_routes(std::vector<ApiRoute>& routes);
void add_policy_routes(std::vector<ApiRoute>& routes);  // SSPR policy
void add_session_routes(std::vector<ApiRoute>& routes);
void add_authentication_method_routes(std::vector<ApiRoute>& routes);  // pre-population
void add_captcha_routes(std::vector<ApiRoute>& routes);
void add_security_info_routes(std::vector<ApiRoute>& routes);  // the security-info page
void add_reset_routes(std::vector<ApiRoute>& routes);          // the reset flow
void add_support_routes(std::vector<ApiRoute>& routes);        // support code look-up
void add_diagnose_routes(std::vector<ApiRoute>& routes);       // diagnose (SPEC §12)
void add_report_routes(std::vector<ApiRoute>& routes);         // reports (SPEC §11)
void add_onprem_routes(std::vector<ApiRoute>& routes);         // on-premises connection and sync

// Every route of the server except GET /healthz, which the server answers inline.
std::vector<ApiRoute> api_routes();

}  // namespace sspr::http
