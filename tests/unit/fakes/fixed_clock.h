#pragma once
// A Clock that says what the test tells it, and moves only when told.

#include <chrono>

#include "domain/clock.h"

namespace sspr::testing {

class FixedClock final : public domain::Clock {
 public:
  explicit FixedClock(std::chrono::system_clock::time_point now =
                          std::chrono::system_clock::time_point{
                              std::chrono::seconds(1'795'000'000)})
      : now_(now) {}

  std::chrono::system_clock::time_point now() const override { return now_; }
  void set(std::chrono::system_clock::time_point now) { now_ = now; }
  void advance(std::chrono::system_clock::duration by) { now_ += by; }

 private:
  std::chrono::system_clock::time_point now_;
};

}  // namespace sspr::testing
