#include <set>
#include <string>

#include <gtest/gtest.h>

#include "http/route_families.h"

namespace sspr::http {
namespace {

TEST(RouteTable, EveryMethodAndPatternIsUnique) {
  std::set<std::string> seen;
  for (const auto& route : api_routes()) {
    const auto key = std::string(to_string(route.method)) + " " + route.pattern;
    EXPECT_TRUE(seen.insert(key).second) << key;
  }
}

TEST(RouteTable, OnlyReadinessSignInAndPageTextsArePublic) {
  for (const auto& route : api_routes()) {
    // The demo outbox is public, but answers 404 unless the server runs `sspr demo`.
    if (route.pattern == "/readyz" || route.pattern == "/api/v1/i18n" ||
        (route.pattern == "/api/v1/session" && route.method == Method::kPost) ||
        route.pattern == "/api/v1/demo/outbox" || route.pattern == "/api/v1/captcha" ||
        route.pattern == "/api/v1/captcha/verify" ||
        route.pattern.rfind("/api/v1/reset/flows", 0) == 0) {
      EXPECT_FALSE(route.requires_token);
      EXPECT_EQ(route.session, SessionUse::kNone) << route.pattern;
    } else if (route.session != SessionUse::kNone) {
      // Session routes: the self-service pages' own, or admin routes that accept a session.
      EXPECT_EQ(route.pattern.rfind("/api/v1/", 0), 0u) << route.pattern;
    } else {
      EXPECT_TRUE(route.requires_token) << route.pattern;
      EXPECT_EQ(route.pattern.rfind("/api/v1/", 0), 0u) << route.pattern;
    }
  }
}

TEST(RouteTable, CoversTheAdminApi) {
  std::set<std::string> seen;
  for (const auto& route : api_routes()) {
    seen.insert(std::string(to_string(route.method)) + " " + route.pattern);
  }
  for (const char* expected : {"GET /api/v1/tenant",
                               "POST /api/v1/tenant/domains",
                               "GET /api/v1/users",
                               "POST /api/v1/users",
                               "GET /api/v1/users/:upn",
                               "PATCH /api/v1/users/:upn",
                               "DELETE /api/v1/users/:upn",
                               "POST /api/v1/users/:upn/password",
                               "POST /api/v1/users/:upn/licenses",
                               "DELETE /api/v1/users/:upn/licenses/:sku",
                               "POST /api/v1/users/:upn/roles",
                               "DELETE /api/v1/users/:upn/roles/:role",
                               "GET /api/v1/groups",
                               "POST /api/v1/groups",
                               "GET /api/v1/groups/:name",
                               "DELETE /api/v1/groups/:name",
                               "POST /api/v1/groups/:name/members",
                               "DELETE /api/v1/groups/:name/members/users/:upn",
                               "DELETE /api/v1/groups/:name/members/groups/:member",
                               "POST /api/v1/groups/:name/licenses",
                               "DELETE /api/v1/groups/:name/licenses/:sku",
                               "GET /api/v1/subscriptions",
                               "POST /api/v1/subscriptions",
                               "GET /api/v1/roles",
                               "GET /api/v1/skus",
                               "GET /api/v1/audit",
                               "GET /api/v1/audit/export",
                               "GET /api/v1/reports/registration",
                               "GET /api/v1/reports/usage",
                               "GET /api/v1/support/:code",
                               "GET /api/v1/banned-passwords",
                               "POST /api/v1/banned-passwords",
                               "DELETE /api/v1/banned-passwords",
                               "DELETE /api/v1/banned-passwords/:term",
                               "POST /api/v1/password/evaluate",
                               "GET /api/v1/policy",
                               "PATCH /api/v1/policy",
                               "GET /readyz"}) {
    EXPECT_TRUE(seen.count(expected)) << expected;
  }
}

}  // namespace
}  // namespace sspr::http
