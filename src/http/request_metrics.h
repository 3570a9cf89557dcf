#pragma once
// What one answered request adds to the metrics (observability/metrics.h): its route family
// (the first segment after /api/v1/ of a known route, "readyz", "metrics", "pages", or
// "other" for unknown paths, so a client cannot grow the label set), and, by its error name,
// the outcome of a reset completion, a throttle block or an on-premises directory error.

#include <chrono>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "http/api_route.h"
#include "observability/metrics.h"

namespace sspr::http {

class RequestMetrics {
 public:
  // `routes`: the route table, whose patterns name the known families.
  RequestMetrics(observability::Metrics& metrics, const std::vector<ApiRoute>& routes);

  std::string family_of(std::string_view path) const;

  // `error_name` is "" for a success.
  void record(std::string_view method, std::string_view path, int status,
              std::string_view error_name, std::chrono::nanoseconds duration) const;

  observability::Metrics& metrics() const { return metrics_; }

  // The last on-premises directory error this node answered (SSPR_0029, SSPR_0030), if any
  // in the `window` before `now`: readiness reports the directory as degraded then.
  struct DirectoryTrouble {
    std::string error;
    std::chrono::system_clock::time_point at;
  };
  std::optional<DirectoryTrouble> directory_trouble(std::chrono::system_clock::time_point now,
                                                    std::chrono::seconds window) const;

 private:
  observability::Metrics& metrics_;
  std::set<std::string, std::less<>> families_;
  mutable std::mutex trouble_mutex_;
  mutable std::optional<DirectoryTrouble> last_trouble_;
};

}  // namespace sspr::http
