// Administrator roles: the catalogue, and assignment to users.

#include "domain/admin_role.h"
#include "http/json_body.h"
#include "http/route_families.h"

namespace sspr::http {
namespace {

constexpr domain::Permission kAllPermissions[] = {
    domain::Permission::kReadDirectory,       domain::Permission::kManageTenant,
    domain::Permission::kManageUsers,         domain::Permission::kManageGroups,
    domain::Permission::kManageLicenses,      domain::Permission::kManageRoles,
    domain::Permission::kManagePolicy,        domain::Permission::kResetPasswords,
    domain::Permission::kResetAdminPasswords, domain::Permission::kManageAuthMethods,
    domain::Permission::kReadAudit,
};

ApiResult list_roles(const ApiRequest&) {
  nlohmann::json roles = nlohmann::json::array();
  for (const auto& role : domain::all_admin_roles()) {
    nlohmann::json permissions = nlohmann::json::array();
    for (const auto permission : kAllPermissions) {
      if (domain::grants(role, permission)) permissions.push_back(domain::to_string(permission));
    }
    roles.push_back({{"id", role.id},
                     {"display_name", role.display_name},
                     {"permissions", std::move(permissions)}});
  }
  return ApiResponse::ok({{"roles", std::move(roles)}});
}

ApiResult assign_role(const ApiRequest& request) {
  auto body = request.json_body();
  if (!body) return body.error();
  auto role = required_string(*body, "role");
  if (!role) return role.error();
  return respond(
      request.directory.assign_role(request.actor, request.context, request.param("upn"), *role));
}

ApiResult remove_role(const ApiRequest& request) {
  return respond(request.directory.remove_role(request.actor, request.context, request.param("upn"),
                                               request.param("role")));
}

}  // namespace

void add_role_routes(std::vector<ApiRoute>& routes) {
  routes.push_back({Method::kGet, "/api/v1/roles", list_roles});
  routes.push_back({Method::kPost, "/api/v1/users/:upn/roles", assign_role});
  routes.push_back({Method::kDelete, "/api/v1/users/:upn/roles/:role", remove_role});
}

}  // namespace sspr::http
