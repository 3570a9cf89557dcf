// GET /readyz: ready (200) when the store answers, 503 StoreUnavailable when it does not.
// The on-premises directory is reported, not required: "onprem" is "degraded" (with the
// error) when this node answered SSPR_0029/SSPR_0030 in the last 5 minutes, else "ok". A
// directory outage is shared by every node, so taking nodes out of the load balancer would
// not help and would stop cloud users and other tenants too (docs/OPERATIONS.md, Monitor).
// (GET /healthz is answered inline by the server.)

#include "domain/error.h"
#include "http/request_metrics.h"
#include "http/route_families.h"

namespace sspr::http {

void add_health_routes(std::vector<ApiRoute>& routes) {
  routes.push_back({Method::kGet, "/readyz",
                    [](const ApiRequest& request) -> ApiResult {
                      if (!request.store.ping()) {
                        return domain::errors::store_unavailable("the " + request.store.backend() +
                                                                 " store does not answer");
                      }
                      nlohmann::json body = {{"status", "ready"},
                                             {"store", request.store.backend()},
                                             {"onprem", "ok"}};
                      if (request.request_metrics) {
                        const auto trouble = request.request_metrics->directory_trouble(
                            std::chrono::system_clock::now(), std::chrono::minutes(5));
                        if (trouble) {
                          body["onprem"] = "degraded";
                          body["onprem_error"] = trouble->error;
                        }
                      }
                      return ApiResponse::ok(body);
                    },
                    /*requires_token=*/false});
}

}  // namespace sspr::http
