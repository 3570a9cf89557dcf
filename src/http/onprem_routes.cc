// The tenant's on-premises directory connection and sync (SPEC §9), for the token's tenant:
//   GET    /api/v1/onprem/connection        the settings and the last observed status
//   PUT    /api/v1/onprem/connection        create or replace (the fields of the GET answer)
//   DELETE /api/v1/onprem/connection        remove it (204)
//   POST   /api/v1/onprem/connection/test   {status: up|misconfigured|unreachable, reason}
//   POST   /api/v1/onprem/sync              run a sync now ({"full": true} to read every
//                                           entry); the summary `sspr onprem sync --json` prints
// The service account's password is never sent: bind_password_file names a file on the server.
// A connection the configuration file manages (managed_by_config) refuses PUT and DELETE (409
// ManagedByConfiguration).

#include "domain/error.h"
#include "flows/onprem/connection_settings_json.h"
#include "http/onprem_requests.h"
#include "http/route_families.h"

namespace sspr::http {
namespace {

namespace onprem = domain::onprem;

domain::Result<flows::onprem::OnPremisesConnections*> connections_of(const ApiRequest& request) {
  if (!request.onprem_connections) {
    return domain::errors::internal("on-premises connections are not available");
  }
  return request.onprem_connections;
}

ApiResult show_connection(const ApiRequest& request) {
  auto tenant = request.tenant();
  if (!tenant) return tenant.error();
  auto connections = connections_of(request);
  if (!connections) return connections.error();
  auto found = (*connections)->show(request.actor, *tenant);
  if (!found) return found.error();
  if (!*found) return domain::errors::not_found("on-premises connection", "of this tenant");
  auto json = flows::onprem::to_json(**found);
  auto status = (*connections)->status(request.actor, *tenant);
  if (!status) return status.error();
  json["status"] = nullptr;
  if (*status) {
    json["status"] = {{"state", std::string(onprem::connection_state_name((*status)->state))},
                      {"since", (*status)->since},
                      {"checked_at", (*status)->checked_at},
                      {"reason", (*status)->reason}};
  }
  return ApiResponse::ok(std::move(json));
}

ApiResult set_connection(const ApiRequest& request) {
  auto tenant = request.tenant();
  if (!tenant) return tenant.error();
  auto connections = connections_of(request);
  if (!connections) return connections.error();
  auto body = request.json_body();
  if (!body) return body.error();
  auto settings = read_connection_settings_request(*body, *tenant);
  if (!settings) return settings.error();
  auto saved = (*connections)->set(request.actor, request.context, *settings);
  if (!saved) return saved.error();
  return ApiResponse::ok(flows::onprem::to_json(*saved));
}

ApiResult delete_connection(const ApiRequest& request) {
  auto tenant = request.tenant();
  if (!tenant) return tenant.error();
  auto connections = connections_of(request);
  if (!connections) return connections.error();
  return respond((*connections)->remove(request.actor, request.context, *tenant));
}

ApiResult test_connection(const ApiRequest& request) {
  auto tenant = request.tenant();
  if (!tenant) return tenant.error();
  auto connections = connections_of(request);
  if (!connections) return connections.error();
  auto tested = (*connections)->test(request.actor, request.context, *tenant);
  if (!tested) return tested.error();
  return ApiResponse::ok({{"status", std::string(flows::onprem::state_name(tested->state))},
                          {"reason", tested->reason}});
}

ApiResult run_sync(const ApiRequest& request) {
  auto tenant = request.tenant();
  if (!tenant) return tenant.error();
  if (!request.onprem_sync) return domain::errors::internal("on-premises sync is not available");
  flows::onprem::SyncOptions options;
  if (!request.body.empty()) {
    auto body = request.json_body();
    if (!body) return body.error();
    auto read = read_sync_request(*body);
    if (!read) return read.error();
    options = *read;
  }
  auto summary = request.onprem_sync->run(request.actor, request.context, *tenant, options);
  if (!summary) return summary.error();
  return ApiResponse::ok(flows::onprem::summary_json(*summary));
}

}  // namespace

void add_onprem_routes(std::vector<ApiRoute>& routes) {
  routes.push_back({Method::kGet, "/api/v1/onprem/connection", show_connection});
  routes.push_back({Method::kPut, "/api/v1/onprem/connection", set_connection});
  routes.push_back({Method::kDelete, "/api/v1/onprem/connection", delete_connection});
  routes.push_back({Method::kPost, "/api/v1/onprem/connection/test", test_connection});
  routes.push_back({Method::kPost, "/api/v1/onprem/sync", run_sync});
}

}  // namespace sspr::http
