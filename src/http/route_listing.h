#pragma once
// The route table as data, for `sspr routes` and the tests that attack every route (CSRF,
// injection): method, path pattern and how a caller authenticates.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "http/api_route.h"

namespace sspr::http {

// How a route authenticates its caller:
//   "token"          a bearer token, or a signed-in administrator's session (admin API)
//   "token+session"  a bearer token or a signed-in session (any user)
//   "session"        a signed-in session
//   "public"         nobody ("public+session": a session cookie is looked up when sent)
std::string authentication_of(const ApiRoute& route);

// [{"method": "POST", "path": "/api/v1/reset/flows", "authentication": "public",
//   "state_changing": true}, ...] in table order, plus GET /healthz (answered inline).
nlohmann::json route_listing(const std::vector<ApiRoute>& routes);

}  // namespace sspr::http
