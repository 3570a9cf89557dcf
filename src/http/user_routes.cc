// /api/v1/users: list, create, show, change, delete, set password.

#include "domain/error.h"
#include "http/directory_requests.h"
#include "http/json_body.h"
#include "http/list_window.h"
#include "http/route_families.h"

namespace sspr::http {
namespace {

ApiResult list_users(const ApiRequest& request) {
  auto tenant = request.tenant();
  if (!tenant) return tenant.error();
  auto window = list_window(request);
  if (!window) return window.error();
  auto page = request.directory.list_users(request.actor, *tenant, window->offset, window->limit);
  if (!page) return page.error();
  nlohmann::json listed = nlohmann::json::array();
  for (const auto& user : page->users) listed.push_back(flows::to_json(user));
  return ApiResponse::ok({{"users", std::move(listed)}, {"total", page->total}});
}

ApiResult create_user(const ApiRequest& request) {
  auto body = request.json_body();
  if (!body) return body.error();
  auto input = read_new_user_request(*body);
  if (!input) return input.error();
  return respond(
      request.directory.create_user(request.actor, request.context, input->user, input->password),
      201);
}

ApiResult show_user(const ApiRequest& request) {
  return respond(request.directory.user(request.actor, request.param("upn")));
}

ApiResult update_user(const ApiRequest& request) {
  auto body = request.json_body();
  if (!body) return body.error();
  auto changes = read_user_changes_request(*body);
  if (!changes) return changes.error();
  return respond(request.directory.update_user(request.actor, request.context, request.param("upn"),
                                               *changes));
}

ApiResult delete_user(const ApiRequest& request) {
  return respond(
      request.directory.delete_user(request.actor, request.context, request.param("upn")));
}

ApiResult set_password(const ApiRequest& request) {
  auto body = request.json_body();
  if (!body) return body.error();
  auto password = required_string(*body, "password");
  if (!password) return password.error();
  return respond(request.directory.set_password(request.actor, request.context,
                                                request.param("upn"), *password));
}

}  // namespace

void add_user_routes(std::vector<ApiRoute>& routes) {
  routes.push_back({Method::kGet, "/api/v1/users", list_users});
  routes.push_back({Method::kPost, "/api/v1/users", create_user});
  routes.push_back({Method::kGet, "/api/v1/users/:upn", show_user});
  routes.push_back({Method::kPatch, "/api/v1/users/:upn", update_user});
  routes.push_back({Method::kDelete, "/api/v1/users/:upn", delete_user});
  routes.push_back({Method::kPost, "/api/v1/users/:upn/password", set_password});
}

}  // namespace sspr::http
