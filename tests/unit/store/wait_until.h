#pragma once
// Polls `condition` every millisecond until it holds; fails the test (fatally, in the calling
// function) when it has not held within 20 s. For tests that wait for other threads to queue.

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <thread>

namespace sspr::store {

inline void wait_until(const std::function<bool()>& condition) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!condition()) {
    ASSERT_LT(std::chrono::steady_clock::now(), deadline) << "condition never held";
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

}  // namespace sspr::store
