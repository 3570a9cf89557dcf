#include "http/route_listing.h"

#include "http/csrf.h"

namespace sspr::http {

std::string authentication_of(const ApiRoute& route) {
  if (route.requires_token) {
    return route.session == SessionUse::kRequired ? "token+session" : "token";
  }
  switch (route.session) {
    case SessionUse::kNone:
      return "public";
    case SessionUse::kOptional:
      return "public+session";
    case SessionUse::kRequired:
      return "session";
  }
  return "public";
}

nlohmann::json route_listing(const std::vector<ApiRoute>& routes) {
  nlohmann::json out = nlohmann::json::array();
  out.push_back({{"method", "GET"},
                 {"path", "/healthz"},
                 {"authentication", "public"},
                 {"state_changing", false}});
  for (const auto& route : routes) {
    out.push_back({{"method", std::string(to_string(route.method))},
                   {"path", route.pattern},
                   {"authentication", authentication_of(route)},
                   {"state_changing", is_state_changing(route.method)}});
  }
  return out;
}

}  // namespace sspr::http
