// /api/v1/groups: list, create, show, delete, and direct membership.

#include "domain/error.h"
#include "http/directory_requests.h"
#include "http/json_body.h"
#include "http/route_families.h"

namespace sspr::http {
namespace {

ApiResult list_groups(const ApiRequest& request) {
  auto tenant = request.tenant();
  if (!tenant) return tenant.error();
  auto groups = request.directory.list_groups(request.actor, *tenant);
  if (!groups) return groups.error();
  nlohmann::json listed = nlohmann::json::array();
  for (const auto& group : *groups) listed.push_back(flows::to_json(group));
  return ApiResponse::ok({{"groups", std::move(listed)}});
}

ApiResult create_group(const ApiRequest& request) {
  auto tenant = request.tenant();
  if (!tenant) return tenant.error();
  auto body = request.json_body();
  if (!body) return body.error();
  auto group = read_group_request(*body);
  if (!group) return group.error();
  return respond(request.directory.create_group(request.actor, request.context, *tenant,
                                                group->name, group->description),
                 201);
}

ApiResult show_group(const ApiRequest& request) {
  auto tenant = request.tenant();
  if (!tenant) return tenant.error();
  return respond(request.directory.group(request.actor, *tenant, request.param("name")));
}

ApiResult delete_group(const ApiRequest& request) {
  auto tenant = request.tenant();
  if (!tenant) return tenant.error();
  return respond(request.directory.delete_group(request.actor, request.context, *tenant,
                                                request.param("name")));
}

// {"user": UPN} or {"group": NAME}, exactly one of them.
ApiResult add_member(const ApiRequest& request) {
  auto tenant = request.tenant();
  if (!tenant) return tenant.error();
  auto body = request.json_body();
  if (!body) return body.error();
  auto member = read_member_request(*body);
  if (!member) return member.error();
  return respond(request.directory.add_member(request.actor, request.context, *tenant,
                                              request.param("name"), member->kind, member->member));
}

ApiResult remove_member(const ApiRequest& request, domain::MemberKind kind,
                        const std::string& member) {
  auto tenant = request.tenant();
  if (!tenant) return tenant.error();
  return respond(request.directory.remove_member(request.actor, request.context, *tenant,
                                                 request.param("name"), kind, member));
}

}  // namespace

void add_group_routes(std::vector<ApiRoute>& routes) {
  routes.push_back({Method::kGet, "/api/v1/groups", list_groups});
  routes.push_back({Method::kPost, "/api/v1/groups", create_group});
  routes.push_back({Method::kGet, "/api/v1/groups/:name", show_group});
  routes.push_back({Method::kDelete, "/api/v1/groups/:name", delete_group});
  routes.push_back({Method::kPost, "/api/v1/groups/:name/members", add_member});
  routes.push_back(
      {Method::kDelete, "/api/v1/groups/:name/members/users/:upn", [](const ApiRequest& request) {
         return remove_member(request, domain::MemberKind::kUser, request.param("upn"));
       }});
  routes.push_back({Method::kDelete, "/api/v1/groups/:name/members/groups/:member",
                    [](const ApiRequest& request) {
                      return remove_member(request, domain::MemberKind::kGroup,
                                           request.param("member"));
                    }});
}

}  // namespace sspr::http
