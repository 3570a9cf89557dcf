#include "http/request_metrics.h"

#include <gtest/gtest.h>

namespace sspr::http {
namespace {

using std::chrono::milliseconds;

std::vector<ApiRoute> routes() {
  std::vector<ApiRoute> table;
  table.push_back({Method::kPost, "/api/v1/reset/flows/:id/password", nullptr, false});
  table.push_back({Method::kGet, "/api/v1/users/:upn", nullptr, true});
  return table;
}

bool has(const std::string& text, const std::string& line) {
  return text.find(line + "\n") != std::string::npos;
}

TEST(RequestMetrics, FamiliesComeFromTheRouteTableOnly) {
  observability::Metrics metrics;
  RequestMetrics requests(metrics, routes());
  EXPECT_EQ(requests.family_of("/api/v1/reset/flows/abc/verify"), "reset");
  EXPECT_EQ(requests.family_of("/api/v1/users/a@b"), "users");
  EXPECT_EQ(requests.family_of("/api/v1/anything-a-client-makes-up"), "other");
  EXPECT_EQ(requests.family_of("/reset.html"), "pages");
  EXPECT_EQ(requests.family_of("/readyz"), "readyz");
}

TEST(RequestMetrics, ResetCompletionsByOutcomeThrottleBlocksAndDirectoryErrors) {
  observability::Metrics metrics;
  RequestMetrics requests(metrics, routes());
  requests.record("POST", "/api/v1/reset/flows/f1/password", 200, "", milliseconds(30));
  requests.record("POST", "/api/v1/reset/flows/f2/password", 503, "OnPremisesConnectivityError",
                  milliseconds(30));
  requests.record("POST", "/api/v1/reset/flows/f3/verify", 429, "ThrottledBlocked",
                  milliseconds(3));
  requests.record("GET", "/api/v1/reset/flows/f1", 200, "", milliseconds(1));
  const auto text = metrics.render({});
  EXPECT_TRUE(has(text, "sspr_resets_total{outcome=\"success\"} 1")) << text;
  EXPECT_TRUE(has(text, "sspr_resets_total{outcome=\"OnPremisesConnectivityError\"} 1"));
  EXPECT_TRUE(has(text, "sspr_directory_errors_total{error=\"OnPremisesConnectivityError\"} 1"));
  EXPECT_TRUE(has(text, "sspr_throttle_blocks_total{family=\"reset\"} 1"));
  EXPECT_TRUE(has(text, "sspr_http_requests_total{family=\"reset\",status=\"200\"} 2"));
}

}  // namespace
}  // namespace sspr::http
