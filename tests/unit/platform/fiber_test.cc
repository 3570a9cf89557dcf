// Fibers: a parked fiber gives its thread back and continues where it parked once woken, on a
// runtime thread; wakes are never lost, whichever comes first; blocking work runs elsewhere.
#include "platform/fiber.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include "platform/thread_runtime.h"

namespace sspr::platform::fibers {
namespace {

using namespace std::chrono_literals;

// Waits (a few seconds at most) until `done` holds.
template <typename Predicate>
bool eventually(Predicate done) {
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(1ms);
  }
  return true;
}

TEST(Fiber, RunsOnTheStartingThreadUntilItParksThenContinuesWhenWoken) {
  ThreadRuntime runtime(2);
  std::atomic<int> step{0};
  Handle parked;
  const auto starter = std::this_thread::get_id();
  std::thread::id before_park;
  EXPECT_FALSE(in_fiber());
  start(runtime, [&] {
    EXPECT_TRUE(in_fiber());
    before_park = std::this_thread::get_id();
    parked = current();
    step = 1;
    while (step.load() < 2) park();
    step = 3;
  });
  // start() returned because the fiber parked: it ran here, and is not done.
  EXPECT_EQ(before_park, starter);
  EXPECT_EQ(step.load(), 1);
  EXPECT_FALSE(in_fiber());
  step = 2;
  wake(parked);
  EXPECT_TRUE(eventually([&] { return step.load() == 3; }));
}

TEST(Fiber, AWakeBeforeTheParkIsNotLost) {
  ThreadRuntime runtime(1);
  std::atomic<bool> finished{false};
  start(runtime, [&] {
    wake(current());  // as if the awaited event came before the fiber parked
    park();           // returns at once
    finished = true;
  });
  EXPECT_TRUE(finished.load());
}

TEST(Fiber, WakingAnEndedFiberDoesNothing) {
  ThreadRuntime runtime(1);
  Handle ended;
  start(runtime, [&] { ended = current(); });
  wake(ended);
  wake(nullptr);
  SUCCEED();
}

TEST(Fiber, ParkForContinuesAfterTheDelay) {
  ThreadRuntime runtime(1);
  std::atomic<bool> finished{false};
  std::chrono::steady_clock::duration slept{};
  start(runtime, [&] {
    const auto since = std::chrono::steady_clock::now();
    park_for(20ms);
    slept = std::chrono::steady_clock::now() - since;
    finished = true;
  });
  EXPECT_FALSE(finished.load());  // parked, not sleeping on this thread
  ASSERT_TRUE(eventually([&] { return finished.load(); }));
  EXPECT_GE(slept, 20ms);
}

TEST(Fiber, OffloadRunsOnAnotherThreadAndGivesBackTheValueOrTheException) {
  ThreadRuntime runtime(1);
  std::atomic<bool> finished{false};
  std::thread::id fiber_thread;
  std::thread::id work_thread;
  int value = 0;
  bool thrown = false;
  start(runtime, [&] {
    fiber_thread = std::this_thread::get_id();
    value = offload([&] {
      work_thread = std::this_thread::get_id();
      EXPECT_FALSE(in_fiber());
      return 42;
    });
    try {
      offload([]() -> int { throw std::runtime_error("refused"); });
    } catch (const std::runtime_error&) {
      thrown = true;
    }
    finished = true;
  });
  ASSERT_TRUE(eventually([&] { return finished.load(); }));
  EXPECT_EQ(value, 42);
  EXPECT_TRUE(thrown);
  EXPECT_NE(work_thread, fiber_thread);
}

TEST(Fiber, OffloadOutsideAFiberCallsOnThisThread) {
  const auto here = std::this_thread::get_id();
  EXPECT_EQ(offload([] { return std::this_thread::get_id(); }), here);
}

TEST(Fiber, NoWakeIsLostWhenManyFibersAreWokenFromOtherThreads) {
  ThreadRuntime runtime(2);
  constexpr int kFibers = 64;
  constexpr int kRounds = 200;
  struct Slot {
    std::atomic<int> posted{0};  // wake-ups owed: one per round
    std::atomic<int> seen{0};
    Handle fiber;
    std::atomic<bool> ready{false};
  };
  std::vector<Slot> slots(kFibers);
  std::atomic<int> finished{0};
  for (auto& slot : slots) {
    runtime.post([&] {
      start(runtime, [&] {
        slot.fiber = current();
        slot.ready = true;
        while (slot.seen.load() < kRounds) {
          if (slot.seen.load() < slot.posted.load()) {
            ++slot.seen;
          } else {
            park();
          }
        }
        ++finished;
      });
    });
  }
  ASSERT_TRUE(eventually([&] {
    for (auto& slot : slots) {
      if (!slot.ready.load()) return false;
    }
    return true;
  }));
  std::vector<std::thread> wakers;
  for (int w = 0; w < 2; ++w) {
    wakers.emplace_back([&, w] {
      for (int round = 0; round < kRounds; ++round) {
        for (int i = w; i < kFibers; i += 2) {
          ++slots[static_cast<std::size_t>(i)].posted;
          wake(slots[static_cast<std::size_t>(i)].fiber);
        }
      }
    });
  }
  for (auto& waker : wakers) waker.join();
  EXPECT_TRUE(eventually([&] { return finished.load() == kFibers; }));
}

}  // namespace
}  // namespace sspr::platform::fibers
