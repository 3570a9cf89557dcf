#pragma once
// The waiting port of RetryingNotifier: the real one blocks the calling thread, tests use a
// fake that records the requested pauses.

#include <chrono>

namespace sspr::notify {

class Sleeper {
 public:
  virtual ~Sleeper() = default;
  virtual void sleep_for(std::chrono::milliseconds pause) = 0;
};

class ThreadSleeper final : public Sleeper {
 public:
  void sleep_for(std::chrono::milliseconds pause) override;
};

}  // namespace sspr::notify
