#pragma once
// A fibers::Runtime for tests: a few threads that run posted tasks, and timers, as the server's
// event loop does.

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "platform/fiber.h"

namespace sspr::platform::fibers {

class ThreadRuntime final : public Runtime {
 public:
  explicit ThreadRuntime(std::size_t threads) {
    for (std::size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { serve(); });
  }
  ~ThreadRuntime() override {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    for (auto& thread : threads_) thread.join();
  }
  void post(std::function<void()> task) override {
    {
      std::lock_guard lock(mutex_);
      ready_.push_back(std::move(task));
    }
    wake_.notify_one();
  }
  void post_after(std::chrono::microseconds delay, std::function<void()> task) override {
    {
      std::lock_guard lock(mutex_);
      timers_.emplace(std::chrono::steady_clock::now() + delay, std::move(task));
    }
    wake_.notify_all();
  }

 private:
  void serve() {
    std::unique_lock lock(mutex_);
    for (;;) {
      const auto now = std::chrono::steady_clock::now();
      while (!timers_.empty() && timers_.begin()->first <= now) {
        ready_.push_back(std::move(timers_.begin()->second));
        timers_.erase(timers_.begin());
      }
      if (!ready_.empty()) {
        auto task = std::move(ready_.front());
        ready_.pop_front();
        lock.unlock();
        task();
        lock.lock();
        continue;
      }
      if (stopping_) return;
      if (timers_.empty()) {
        wake_.wait(lock);
      } else {
        wake_.wait_until(lock, timers_.begin()->first);
      }
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> ready_;
  std::multimap<std::chrono::steady_clock::time_point, std::function<void()>> timers_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace sspr::platform::fibers
