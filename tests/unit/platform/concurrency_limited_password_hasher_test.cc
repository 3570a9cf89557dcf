#include "platform/concurrency_limited_password_hasher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

namespace sspr::platform {
namespace {

using namespace std::chrono_literals;

// A slow hasher that counts how many of its calls run at the same time.
class SlowCountingHasher final : public domain::PasswordHasher {
 public:
  explicit SlowCountingHasher(std::chrono::milliseconds delay) : delay_(delay) {}

  std::string hash(std::string_view secret) const override {
    enter();
    std::this_thread::sleep_for(delay_);
    leave();
    if (fail_) throw std::runtime_error("inner hasher failed");
    return "hashed:" + std::string(secret);
  }
  bool verify(std::string_view secret, const std::string& hashed) const override {
    enter();
    std::this_thread::sleep_for(delay_);
    leave();
    if (fail_) throw std::runtime_error("inner hasher failed");
    return hashed == "hashed:" + std::string(secret);
  }

  void fail_every_call(bool fail) { fail_ = fail; }
  void reset_counts() {
    max_inside_ = 0;
    calls_ = 0;
  }
  int max_inside() const { return max_inside_.load(); }
  int calls() const { return calls_.load(); }

 private:
  void enter() const {
    const int now = ++inside_;
    int seen = max_inside_.load();
    while (now > seen && !max_inside_.compare_exchange_weak(seen, now)) {
    }
    ++calls_;
  }
  void leave() const { --inside_; }

  std::chrono::milliseconds delay_;
  std::atomic<bool> fail_{false};
  mutable std::atomic<int> inside_{0};
  mutable std::atomic<int> max_inside_{0};
  mutable std::atomic<int> calls_{0};
};

// Runs `per_thread` calls of `call` on each of `threads` threads and waits for them all.
template <typename Call>
void on_threads(int threads, int per_thread, Call call) {
  std::vector<std::thread> running;
  for (int t = 0; t < threads; ++t) {
    running.emplace_back([&, t] {
      for (int i = 0; i < per_thread; ++i) call(t, i);
    });
  }
  for (auto& thread : running) thread.join();
}

TEST(ConcurrencyLimitedPasswordHasher, NeverMoreThanTheLimitInsideAtOnce) {
  SlowCountingHasher inner(5ms);
  ConcurrencyLimitedPasswordHasher limited(inner, 2);
  std::atomic<int> right{0};
  on_threads(8, 5, [&](int t, int i) {
    const std::string secret = "secret-" + std::to_string(t) + "-" + std::to_string(i);
    const std::string hashed = limited.hash(secret);
    if (limited.verify(secret, hashed) && !limited.verify("other", hashed)) ++right;
  });
  EXPECT_EQ(right.load(), 8 * 5);       // every call completed with its own answer
  EXPECT_EQ(inner.calls(), 8 * 5 * 3);  // hash + two verifies each
  EXPECT_LE(inner.max_inside(), 2);     // the limit held
  EXPECT_EQ(inner.max_inside(), 2);     // and the limit is not stricter than asked
}

TEST(ConcurrencyLimitedPasswordHasher, ALimitOfOneSerialisesEveryCall) {
  SlowCountingHasher inner(2ms);
  ConcurrencyLimitedPasswordHasher limited(inner, 1);
  on_threads(8, 4, [&](int, int i) {
    if (i % 2 == 0) {
      limited.hash("x");
    } else {
      limited.verify("x", "hashed:x");
    }
  });
  EXPECT_EQ(inner.calls(), 8 * 4);
  EXPECT_EQ(inner.max_inside(), 1);
}

TEST(ConcurrencyLimitedPasswordHasher, ZeroIsTakenAsOne) {
  SlowCountingHasher inner(1ms);
  ConcurrencyLimitedPasswordHasher limited(inner, 0);
  EXPECT_EQ(limited.max_concurrent(), 1u);
  on_threads(4, 3, [&](int, int) { limited.hash("x"); });
  EXPECT_EQ(inner.max_inside(), 1);
}

TEST(ConcurrencyLimitedPasswordHasher, AnExceptionFromTheInnerHasherReleasesTheSlot) {
  SlowCountingHasher inner(1ms);
  ConcurrencyLimitedPasswordHasher limited(inner, 1);
  inner.fail_every_call(true);
  EXPECT_THROW(limited.hash("x"), std::runtime_error);
  EXPECT_THROW(limited.verify("x", "hashed:x"), std::runtime_error);
  inner.fail_every_call(false);
  // With the only slot leaked, this would block forever: run it on a thread with a deadline.
  std::mutex mutex;
  std::condition_variable done_changed;
  bool done = false;
  std::thread caller([&] {
    const bool verified = limited.verify("x", limited.hash("x"));
    std::lock_guard lock(mutex);
    done = verified;
    done_changed.notify_all();
  });
  {
    std::unique_lock lock(mutex);
    EXPECT_TRUE(done_changed.wait_for(lock, 10s, [&] { return done; }))
        << "a failed call kept its slot";
  }
  if (!done) {
    caller.detach();  // blocked forever on the leaked slot; the test has already failed
  } else {
    caller.join();
  }
}

TEST(ConcurrencyLimitedPasswordHasher, FailuresUnderLoadLeaveEverySlotFree) {
  SlowCountingHasher inner(2ms);
  ConcurrencyLimitedPasswordHasher limited(inner, 3);
  inner.fail_every_call(true);
  std::atomic<int> thrown{0};
  on_threads(8, 3, [&](int, int) {
    try {
      limited.hash("x");
    } catch (const std::runtime_error&) {
      ++thrown;
    }
  });
  EXPECT_EQ(thrown.load(), 8 * 3);
  inner.fail_every_call(false);
  inner.reset_counts();
  // All three slots are free again: three callers can be inside at once, and no more.
  on_threads(8, 3, [&](int, int) { limited.hash("y"); });
  EXPECT_EQ(inner.calls(), 8 * 3);
  EXPECT_LE(inner.max_inside(), 3);
  EXPECT_EQ(inner.max_inside(), 3);
}

// Records the order in which calls enter; the call for "first" waits until released.
class GateHasher final : public domain::PasswordHasher {
 public:
  std::string hash(std::string_view secret) const override {
    std::unique_lock lock(mutex_);
    entered_.emplace_back(secret);
    changed_.notify_all();
    if (secret == "first") changed_.wait(lock, [&] { return released_; });
    return std::string(secret);
  }
  bool verify(std::string_view, const std::string&) const override { return false; }

  void wait_until_entered(std::size_t calls) const {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return entered_.size() >= calls; });
  }
  void release() const {
    std::lock_guard lock(mutex_);
    released_ = true;
    changed_.notify_all();
  }
  std::vector<std::string> entered() const {
    std::lock_guard lock(mutex_);
    return entered_;
  }

 private:
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  mutable std::vector<std::string> entered_;
  mutable bool released_ = false;
};

TEST(ConcurrencyLimitedPasswordHasher, WaitingCallersAreAdmittedInArrivalOrder) {
  GateHasher inner;
  ConcurrencyLimitedPasswordHasher limited(inner, 1);
  std::vector<std::thread> callers;
  callers.emplace_back([&] { limited.hash("first"); });
  inner.wait_until_entered(1);  // "first" holds the only slot
  const std::vector<std::string> later = {"a", "b", "c", "d", "e", "f"};
  for (std::size_t i = 0; i < later.size(); ++i) {
    callers.emplace_back([&, i] { limited.hash(later[i]); });
    // The next caller starts only once this one waits, so arrival order is known.
    while (limited.usage().waiting < i + 1) std::this_thread::yield();
  }
  EXPECT_EQ(limited.usage().waiting, later.size());
  inner.release();
  for (auto& caller : callers) caller.join();
  std::vector<std::string> expected = {"first"};
  expected.insert(expected.end(), later.begin(), later.end());
  EXPECT_EQ(inner.entered(), expected);
  EXPECT_EQ(limited.usage().waiting, 0u);
}

TEST(ConcurrencyLimitedPasswordHasher, UsageCountsTheQueueAndTheTimeSpentInIt) {
  GateHasher inner;
  ConcurrencyLimitedPasswordHasher limited(inner, 1);
  auto usage = limited.usage();
  EXPECT_EQ(usage.slots, 1u);
  EXPECT_EQ(usage.running, 0u);
  EXPECT_EQ(usage.calls, 0u);
  std::vector<std::thread> callers;
  callers.emplace_back([&] { limited.hash("first"); });
  inner.wait_until_entered(1);
  callers.emplace_back([&] { limited.hash("second"); });
  while (limited.usage().waiting < 1) std::this_thread::yield();
  usage = limited.usage();
  EXPECT_EQ(usage.running, 1u);
  EXPECT_EQ(usage.waiting, 1u);
  EXPECT_EQ(usage.calls, 2u);
  std::this_thread::sleep_for(20ms);
  inner.release();
  for (auto& caller : callers) caller.join();
  usage = limited.usage();
  EXPECT_EQ(usage.running, 0u);
  EXPECT_EQ(usage.waiting, 0u);
  EXPECT_EQ(usage.calls, 2u);
  EXPECT_GE(usage.waited, 20ms) << "the second call waited while the first held the slot";
}

TEST(ConcurrencyLimitedPasswordHasher, DefaultLimitIsOnePerCoreAndAConfiguredOneWins) {
  const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
  EXPECT_EQ(concurrent_hashes_or_cores(0), cores);
  EXPECT_EQ(concurrent_hashes_or_cores(3), 3u);
}

}  // namespace
}  // namespace sspr::platform
