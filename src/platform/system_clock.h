#pragma once
// The real clock.

#include "domain/clock.h"

namespace sspr::platform {

class SystemClock final : public domain::Clock {
 public:
  std::chrono::system_clock::time_point now() const override {
    return std::chrono::system_clock::now();
  }
};

}  // namespace sspr::platform
