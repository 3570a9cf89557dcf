#include "step_stats.h"

#include <algorithm>
#include <cmath>

namespace sspr::bench {

void StepStats::set_window(Clock::time_point from, Clock::time_point to) {
  from_ = from;
  to_ = to;
}

void StepStats::ok(const std::string& step, Clock::time_point started, Clock::time_point ended) {
  if (!in_window(ended)) return;
  steps_[step].latencies_ms.push_back(
      std::chrono::duration<float, std::milli>(ended - started).count());
}

void StepStats::error(const std::string& step, const std::string& reason) {
  ++steps_[step].errors;
  ++reasons_[step + ": " + reason];
}

void StepStats::flow_done(Clock::time_point ended) {
  if (in_window(ended)) ++flows_;
}

double StepStats::window_seconds() const {
  return std::chrono::duration<double>(to_ - from_).count();
}

std::uint64_t StepStats::total_errors() const {
  std::uint64_t total = 0;
  for (const auto& [name, step] : steps_) total += step.errors;
  return total;
}

StepSummary StepStats::summarise(const std::string& name, std::vector<float> latencies,
                                 std::uint64_t errors) const {
  StepSummary out;
  out.step = name;
  out.ok = latencies.size();
  out.errors = errors;
  const double seconds = window_seconds();
  out.per_second = seconds > 0 ? static_cast<double>(out.ok) / seconds : 0;
  if (latencies.empty()) return out;
  std::sort(latencies.begin(), latencies.end());
  auto at = [&](double quantile) {
    const auto rank = static_cast<std::size_t>(std::ceil(quantile * latencies.size()));
    return static_cast<double>(latencies[std::min(latencies.size() - 1, rank == 0 ? 0 : rank - 1)]);
  };
  out.p50_ms = at(0.50);
  out.p99_ms = at(0.99);
  out.max_ms = latencies.back();
  return out;
}

StepSummary StepStats::summary(const std::string& step) const {
  const auto found = steps_.find(step);
  if (found == steps_.end()) return summarise(step, {}, 0);
  return summarise(step, found->second.latencies_ms, found->second.errors);
}

StepSummary StepStats::combined(const std::string& name,
                                const std::vector<std::string>& steps) const {
  std::vector<float> latencies;
  std::uint64_t errors = 0;
  for (const auto& step : steps) {
    const auto found = steps_.find(step);
    if (found == steps_.end()) continue;
    latencies.insert(latencies.end(), found->second.latencies_ms.begin(),
                     found->second.latencies_ms.end());
    errors += found->second.errors;
  }
  return summarise(name, std::move(latencies), errors);
}

}  // namespace sspr::bench
