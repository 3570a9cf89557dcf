// GET /readyz: ready when the store answers. (GET /healthz is answered inline by the server.)

#include "domain/error.h"
#include "http/route_families.h"

namespace sspr::http {

void add_health_routes(std::vector<ApiRoute>& routes) {
  routes.push_back(
      {Method::kGet, "/readyz",
       [](const ApiRequest& request) -> ApiResult {
         if (!request.store.ping()) {
           return domain::errors::store_unavailable("the " + request.store.backend() +
                                                    " store does not answer");
         }
         return ApiResponse::ok({{"status", "ready"}, {"store", request.store.backend()}});
       },
       /*requires_token=*/false});
}

}  // namespace sspr::http
