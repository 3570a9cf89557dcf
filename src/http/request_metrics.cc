#include "http/request_metrics.h"

namespace sspr::http {
namespace {

constexpr std::string_view kApiPrefix = "/api/v1/";

std::string_view first_segment(std::string_view path) {
  if (path.rfind(kApiPrefix, 0) != 0) return {};
  path.remove_prefix(kApiPrefix.size());
  return path.substr(0, path.find('/'));
}

// POST /api/v1/reset/flows/{id}/password or /unlock: the step that finishes a reset.
bool is_reset_completion(std::string_view method, std::string_view path) {
  constexpr std::string_view kFlows = "/api/v1/reset/flows/";
  if (method != "POST" || path.rfind(kFlows, 0) != 0) return false;
  const auto rest = path.substr(kFlows.size());
  const auto slash = rest.find('/');
  if (slash == std::string_view::npos) return false;
  const auto step = rest.substr(slash + 1);
  return step == "password" || step == "unlock";
}

bool is_directory_error(std::string_view name) {
  return name == "OnPremisesAdminActionRequired" || name == "OnPremisesConnectivityError" ||
         name == "OnPremisesPolicyViolation";
}

}  // namespace

RequestMetrics::RequestMetrics(observability::Metrics& metrics, const std::vector<ApiRoute>& routes)
    : metrics_(metrics) {
  for (const auto& route : routes) {
    const auto family = first_segment(route.pattern);
    if (!family.empty()) families_.emplace(family);
  }
}

std::string RequestMetrics::family_of(std::string_view path) const {
  if (path == "/readyz") return "readyz";
  if (path == "/metrics") return "metrics";
  if (path == "/healthz") return "healthz";
  if (path.rfind("/api/", 0) != 0) return "pages";
  const auto family = first_segment(path);
  if (families_.find(family) != families_.end()) return std::string(family);
  return "other";
}

void RequestMetrics::record(std::string_view method, std::string_view path, int status,
                            std::string_view error_name, std::chrono::nanoseconds duration) const {
  const auto family = family_of(path);
  metrics_.record_request(family, status, duration);
  if (is_reset_completion(method, path) && status != 404) {
    metrics_.record_reset(error_name.empty() ? "success" : std::string(error_name));
  }
  if (error_name == "ThrottledBlocked") metrics_.record_throttle_block(family);
  if (is_directory_error(error_name)) {
    metrics_.record_directory_error(std::string(error_name));
    // A policy refusal means the directory answered: only outages and misconfiguration count.
    if (error_name != "OnPremisesPolicyViolation") {
      std::lock_guard lock(trouble_mutex_);
      last_trouble_ = DirectoryTrouble{std::string(error_name), std::chrono::system_clock::now()};
    }
  }
}

std::optional<RequestMetrics::DirectoryTrouble> RequestMetrics::directory_trouble(
    std::chrono::system_clock::time_point now, std::chrono::seconds window) const {
  std::lock_guard lock(trouble_mutex_);
  if (!last_trouble_ || now - last_trouble_->at > window) return std::nullopt;
  return last_trouble_;
}

}  // namespace sspr::http
