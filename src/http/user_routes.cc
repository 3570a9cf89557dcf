// /api/v1/users: list, create, show, change, delete, set password.

#include "domain/error.h"
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

// Copies an optional string field of `body` into `target` when present.
domain::Status read_string(const nlohmann::json& body, const std::string& field,
                           std::string& target) {
  auto value = optional_string(body, field);
  if (!value) return value.error();
  if (*value) target = std::move(**value);
  return domain::ok_status();
}

ApiResult create_user(const ApiRequest& request) {
  auto body = request.json_body();
  if (!body) return body.error();
  domain::NewUser input;
  auto upn = required_string(*body, "upn");
  if (!upn) return upn.error();
  input.upn = *upn;
  auto display_name = required_string(*body, "display_name");
  if (!display_name) return display_name.error();
  input.display_name = *display_name;
  for (const auto& [field, target] :
       {std::pair<const char*, std::string*>{"given_name", &input.given_name},
        {"surname", &input.surname},
        {"email", &input.email},
        {"source", &input.source},
        {"auth_mode", &input.auth_mode},
        {"onprem_id", &input.onprem_id}}) {
    if (auto status = read_string(*body, field, *target); !status) return status.error();
  }
  auto enabled = optional_bool(*body, "enabled");
  if (!enabled) return enabled.error();
  if (*enabled) input.enabled = **enabled;
  auto password = optional_string(*body, "password");
  if (!password) return password.error();
  return respond(request.directory.create_user(request.actor, request.context, input, *password),
                 201);
}

ApiResult show_user(const ApiRequest& request) {
  return respond(request.directory.user(request.actor, request.param("upn")));
}

ApiResult update_user(const ApiRequest& request) {
  auto body = request.json_body();
  if (!body) return body.error();
  flows::UserChanges changes;
  for (const auto& [field, target] :
       {std::pair<const char*, std::optional<std::string>*>{"display_name", &changes.display_name},
        {"given_name", &changes.given_name},
        {"surname", &changes.surname},
        {"email", &changes.email}}) {
    auto value = optional_string(*body, field);
    if (!value) return value.error();
    *target = std::move(*value);
  }
  auto enabled = optional_bool(*body, "enabled");
  if (!enabled) return enabled.error();
  changes.enabled = *enabled;
  return respond(
      request.directory.update_user(request.actor, request.context, request.param("upn"), changes));
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
