#pragma once
// Counts and latencies per step type (captcha, start, challenge, verify, password) inside a
// measurement window, and every failed step (inside or outside it) with its reason.

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace sspr::bench {

using Clock = std::chrono::steady_clock;

struct StepSummary {
  std::string step;
  std::uint64_t ok = 0;      // answered as expected, inside the window
  std::uint64_t errors = 0;  // failed, anywhere in the run
  double per_second = 0;     // ok / window length
  double p50_ms = 0;
  double p99_ms = 0;
  double max_ms = 0;
};

class StepStats {
 public:
  // Only requests that end inside [from, to) count for rates and latencies.
  void set_window(Clock::time_point from, Clock::time_point to);

  void ok(const std::string& step, Clock::time_point started, Clock::time_point ended);
  // `reason`: e.g. "HTTP 409 ResetFlowFinished" or "no code in the outbox".
  void error(const std::string& step, const std::string& reason);
  // A whole flow (every step) that ended at `ended`.
  void flow_done(Clock::time_point ended);

  double window_seconds() const;
  std::uint64_t flows_in_window() const { return flows_; }
  std::uint64_t total_errors() const;
  const std::map<std::string, std::uint64_t>& error_reasons() const { return reasons_; }

  StepSummary summary(const std::string& step) const;
  // The steps in `steps` taken together (e.g. start + challenge + verify).
  StepSummary combined(const std::string& name, const std::vector<std::string>& steps) const;

 private:
  bool in_window(Clock::time_point t) const { return t >= from_ && t < to_; }
  struct Step {
    std::vector<float> latencies_ms;
    std::uint64_t errors = 0;
  };
  StepSummary summarise(const std::string& name, std::vector<float> latencies,
                        std::uint64_t errors) const;

  Clock::time_point from_{};
  Clock::time_point to_ = Clock::time_point::max();
  std::map<std::string, Step> steps_;
  std::map<std::string, std::uint64_t> reasons_;
  std::uint64_t flows_ = 0;
};

}  // namespace sspr::bench
