// Licences: subscriptions, the SKU catalogue, and assignments to users and groups.

#include "domain/license_sku.h"
#include "http/directory_requests.h"
#include "http/json_body.h"
#include "http/route_families.h"

namespace sspr::http {
namespace {

ApiResult list_subscriptions(const ApiRequest& request) {
  auto tenant = request.tenant();
  if (!tenant) return tenant.error();
  auto subscriptions = request.directory.list_subscriptions(request.actor, *tenant);
  if (!subscriptions) return subscriptions.error();
  nlohmann::json listed = nlohmann::json::array();
  for (const auto& subscription : *subscriptions) listed.push_back(flows::to_json(subscription));
  return ApiResponse::ok({{"subscriptions", std::move(listed)}});
}

ApiResult add_subscription(const ApiRequest& request) {
  auto tenant = request.tenant();
  if (!tenant) return tenant.error();
  auto body = request.json_body();
  if (!body) return body.error();
  auto subscription = read_subscription_request(*body);
  if (!subscription) return subscription.error();
  return respond(request.directory.add_subscription(request.actor, request.context, *tenant,
                                                    subscription->sku, subscription->seats),
                 201);
}

ApiResult list_skus(const ApiRequest&) {
  nlohmann::json skus = nlohmann::json::array();
  for (const auto& sku : domain::all_license_skus()) {
    skus.push_back({{"id", sku.id},
                    {"display_name", sku.display_name},
                    {"sspr_for_cloud_users", sku.sspr_for_cloud_users},
                    {"sspr_for_synced_users", sku.sspr_for_synced_users}});
  }
  return ApiResponse::ok({{"skus", std::move(skus)}});
}

ApiResult assign_to_user(const ApiRequest& request) {
  auto body = request.json_body();
  if (!body) return body.error();
  auto sku = required_string(*body, "sku");
  if (!sku) return sku.error();
  return respond(request.directory.assign_license_to_user(request.actor, request.context,
                                                          request.param("upn"), *sku));
}

ApiResult remove_from_user(const ApiRequest& request) {
  return respond(request.directory.remove_license_from_user(
      request.actor, request.context, request.param("upn"), request.param("sku")));
}

ApiResult assign_to_group(const ApiRequest& request) {
  auto tenant = request.tenant();
  if (!tenant) return tenant.error();
  auto body = request.json_body();
  if (!body) return body.error();
  auto sku = required_string(*body, "sku");
  if (!sku) return sku.error();
  return respond(request.directory.assign_license_to_group(request.actor, request.context, *tenant,
                                                           request.param("name"), *sku));
}

ApiResult remove_from_group(const ApiRequest& request) {
  auto tenant = request.tenant();
  if (!tenant) return tenant.error();
  return respond(request.directory.remove_license_from_group(
      request.actor, request.context, *tenant, request.param("name"), request.param("sku")));
}

}  // namespace

void add_license_routes(std::vector<ApiRoute>& routes) {
  routes.push_back({Method::kGet, "/api/v1/subscriptions", list_subscriptions});
  routes.push_back({Method::kPost, "/api/v1/subscriptions", add_subscription});
  routes.push_back({Method::kGet, "/api/v1/skus", list_skus});
  routes.push_back({Method::kPost, "/api/v1/users/:upn/licenses", assign_to_user});
  routes.push_back({Method::kDelete, "/api/v1/users/:upn/licenses/:sku", remove_from_user});
  routes.push_back({Method::kPost, "/api/v1/groups/:name/licenses", assign_to_group});
  routes.push_back({Method::kDelete, "/api/v1/groups/:name/licenses/:sku", remove_from_group});
}

}  // namespace sspr::http
