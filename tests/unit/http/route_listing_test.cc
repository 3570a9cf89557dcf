#include "http/route_listing.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "http/route_families.h"

namespace sspr::http {
namespace {

ApiResult nothing(const ApiRequest&) { return ApiResponse::no_content(); }

TEST(RouteListing, SaysHowEachRouteAuthenticates) {
  EXPECT_EQ(authentication_of({Method::kGet, "/a", nothing}), "token");
  EXPECT_EQ(authentication_of({Method::kPost, "/a", nothing, true, SessionUse::kRequired}),
            "token+session");
  EXPECT_EQ(authentication_of({Method::kPost, "/a", nothing, false}), "public");
  EXPECT_EQ(authentication_of({Method::kDelete, "/a", nothing, false, SessionUse::kOptional}),
            "public+session");
  EXPECT_EQ(authentication_of({Method::kPost, "/a", nothing, false, SessionUse::kRequired}),
            "session");
}

TEST(RouteListing, ListsEveryRouteOfTheTableAndTheInlineHealthProbe) {
  const auto routes = api_routes();
  const auto listing = route_listing(routes);
  ASSERT_EQ(listing.size(), routes.size() + 1);
  EXPECT_EQ(listing[0]["path"], "/healthz");
  EXPECT_EQ(listing[0]["state_changing"], false);
  for (std::size_t i = 0; i < routes.size(); ++i) {
    const auto& entry = listing[i + 1];
    EXPECT_EQ(entry["method"], std::string(to_string(routes[i].method)));
    EXPECT_EQ(entry["path"], routes[i].pattern);
    EXPECT_EQ(entry["state_changing"], routes[i].method != Method::kGet);
  }
  const auto start = std::find_if(listing.begin(), listing.end(), [](const auto& entry) {
    return entry["path"] == "/api/v1/reset/flows" && entry["method"] == "POST";
  });
  ASSERT_NE(start, listing.end());
  EXPECT_EQ((*start)["authentication"], "public");
  EXPECT_EQ((*start)["state_changing"], true);
}

}  // namespace
}  // namespace sspr::http
