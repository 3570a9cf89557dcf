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

domain::Result<onprem::ConnectionSettings> settings_from(const nlohmann::json& body,
                                                         domain::TenantId tenant) {
  onprem::ConnectionSettings s;
  s.tenant = tenant;
  auto text = [&](const char* name, std::string& out, bool required) -> domain::Status {
    if (!body.contains(name)) {
      return required ? domain::Status(domain::errors::invalid_input(name, "is required"))
                      : domain::ok_status();
    }
    if (!body[name].is_string()) return domain::errors::invalid_input(name, "must be a string");
    out = body[name].get<std::string>();
    return domain::ok_status();
  };
  std::string flavor;
  for (auto [name, out, required] :
       {std::tuple{"url", &s.url, true}, std::tuple{"flavor", &flavor, true},
        std::tuple{"bind_dn", &s.bind_dn, true},
        std::tuple{"bind_password_file", &s.bind_password_file, true},
        std::tuple{"base_dn", &s.base_dn, true}, std::tuple{"ca_file", &s.ca_file, false},
        std::tuple{"upn_attribute", &s.upn_attribute, false},
        std::tuple{"disabled_filter", &s.disabled_filter, false}}) {
    if (auto read = text(name, *out, required); !read) return read.error();
  }
  auto parsed = onprem::parse_flavor(flavor);
  if (!parsed) return domain::errors::invalid_input("flavor", "openldap or active_directory");
  s.flavor = *parsed;
  if (body.contains("starttls")) {
    if (!body["starttls"].is_boolean()) {
      return domain::errors::invalid_input("starttls", "must be true or false");
    }
    s.starttls = body["starttls"].get<bool>();
  }
  if (body.contains("timeout_seconds")) {
    if (!body["timeout_seconds"].is_number_integer()) {
      return domain::errors::invalid_input("timeout_seconds", "must be a whole number");
    }
    s.timeout_seconds = body["timeout_seconds"].get<int>();
  }
  return s;
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
  auto settings = settings_from(*body, *tenant);
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
    if (body->contains("full")) {
      if (!(*body)["full"].is_boolean()) {
        return domain::errors::invalid_input("full", "must be true or false");
      }
      options.full = (*body)["full"].get<bool>();
    }
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
