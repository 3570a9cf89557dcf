// GroupCommitQueue, the database-free half of SQLite's group commit: batching, order, who
// learns what and when, with a runner that records what it was given.
#include "store/group_commit_queue.h"

#include "platform/thread_runtime.h"
#include "store/soci_store_transaction.h"
#include "store/wait_until.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace sspr::store {
namespace {

using domain::ok_status;
using domain::Status;
using Entry = GroupCommitQueue::Entry;

// The works here never touch their transaction; the runners pass one over an unopened session.
StoreTransaction& no_transaction() {
  static soci::session unopened;
  static SociStoreTransaction transaction(unopened);
  return transaction;
}

// Runs each work with a null transaction (the works here ignore it) and keeps the sizes.
struct RecordingRunner {
  std::mutex mutex;
  std::vector<std::size_t> batch_sizes;
  std::size_t finish_at_most = 1000;  // pretend the time bound stops a batch after this many
  bool commit_fails = false;

  std::size_t operator()(std::span<Entry* const> batch) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      batch_sizes.push_back(batch.size());
    }
    const std::size_t n = std::min(batch.size(), finish_at_most);
    for (std::size_t i = 0; i < n; ++i) batch[i]->status = (*batch[i]->work)(no_transaction());
    if (commit_fails) {
      for (std::size_t i = 0; i < n; ++i) {
        batch[i]->status = domain::errors::store_unavailable("commit failed");
      }
    }
    return n;
  }
};

// Submits `count` works from their own threads while a first work holds the leader, so they
// queue in a known order; returns once all are queued and lets the first one finish.
class HeldLeader {
 public:
  HeldLeader(GroupCommitQueue& queue, RecordingRunner& runner) : queue_(queue), runner_(runner) {
    first_ = std::thread([this] {
      auto status = queue_.submit(
          [this](StoreTransaction&) {
            running_ = true;
            while (!release_) std::this_thread::sleep_for(std::chrono::milliseconds(1));
            return ok_status();
          },
          [this](std::span<Entry* const> batch) { return runner_(batch); });
      EXPECT_TRUE(status.ok());
    });
    wait_until([this] { return running_.load(); });
  }
  // Starts `work` on its own thread and returns once it is queued behind the others.
  void add(std::function<Status(StoreTransaction&)> work, Status* result) {
    const std::size_t before = queue_.queued();
    works_.push_back(std::make_unique<std::function<Status(StoreTransaction&)>>(std::move(work)));
    auto* stored = works_.back().get();
    threads_.emplace_back([this, stored, result] {
      *result =
          queue_.submit(*stored, [this](std::span<Entry* const> batch) { return runner_(batch); });
    });
    wait_until([&] { return queue_.queued() == before + 1; });
  }
  void release_and_join() {
    release_ = true;
    first_.join();
    for (auto& thread : threads_) thread.join();
  }

 private:
  GroupCommitQueue& queue_;
  RecordingRunner& runner_;
  std::thread first_;
  std::atomic<bool> running_{false};
  std::atomic<bool> release_{false};
  std::vector<std::unique_ptr<std::function<Status(StoreTransaction&)>>> works_;
  std::vector<std::thread> threads_;
};

TEST(GroupCommitQueueTest, ALoneWorkRunsAloneAndGetsItsStatus) {
  GroupCommitQueue queue(8);
  RecordingRunner runner;
  auto run = [&](std::span<Entry* const> batch) { return runner(batch); };
  EXPECT_TRUE(queue.submit([](StoreTransaction&) { return ok_status(); }, run).ok());
  auto failed = queue.submit(
      [](StoreTransaction&) -> Status { return domain::errors::forbidden("no"); }, run);
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().name, "Forbidden");
  EXPECT_EQ(runner.batch_sizes, (std::vector<std::size_t>{1, 1}));
  EXPECT_EQ(queue.queued(), 0u);
}

TEST(GroupCommitQueueTest, WorksQueuedBehindARunningOneFormOneBatchInArrivalOrder) {
  GroupCommitQueue queue(8);
  RecordingRunner runner;
  HeldLeader held(queue, runner);
  std::vector<int> order;  // written by the works, one at a time
  std::vector<Status> results(5, domain::errors::store_unavailable("unset"));
  for (int i = 0; i < 5; ++i) {
    held.add(
        [&order, i](StoreTransaction&) -> Status {
          order.push_back(i);
          if (i == 2) return domain::errors::forbidden("work 2 refuses");
          return ok_status();
        },
        &results[i]);
  }
  held.release_and_join();
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 4}));
  EXPECT_EQ(runner.batch_sizes, (std::vector<std::size_t>{1, 5}));
  for (int i = 0; i < 5; ++i) EXPECT_EQ(results[i].ok(), i != 2) << i;
  EXPECT_EQ(queue.largest_batch(), 5u);
}

TEST(GroupCommitQueueTest, ABatchHoldsAtMostTheLimitAndTheRestFollow) {
  GroupCommitQueue queue(2);
  RecordingRunner runner;
  HeldLeader held(queue, runner);
  std::vector<Status> results(5, domain::errors::store_unavailable("unset"));
  for (int i = 0; i < 5; ++i) {
    held.add([](StoreTransaction&) { return ok_status(); }, &results[i]);
  }
  held.release_and_join();
  EXPECT_EQ(runner.batch_sizes, (std::vector<std::size_t>{1, 2, 2, 1}));
  for (const auto& result : results) EXPECT_TRUE(result.ok());
}

// The leader hands over to the oldest waiting caller, and wakes no one else to compete for
// it: with one work per batch, every work then runs on the thread that submitted it (with a
// broadcast, whichever woken caller got the lock first led, and ran someone else's work).
TEST(GroupCommitQueueTest, TheOldestWaitingCallerLeadsTheNextBatch) {
  GroupCommitQueue queue(1);
  RecordingRunner runner;
  HeldLeader held(queue, runner);
  constexpr int kCallers = 6;
  std::vector<std::thread::id> submitted_on(kCallers);
  std::vector<std::thread::id> ran_on(kCallers);
  std::vector<std::function<Status(StoreTransaction&)>> works;
  for (int i = 0; i < kCallers; ++i) {
    works.emplace_back([&ran_on, i](StoreTransaction&) {
      ran_on[i] = std::this_thread::get_id();
      return ok_status();
    });
  }
  std::vector<std::thread> callers;
  std::vector<Status> results(kCallers, domain::errors::store_unavailable("unset"));
  for (int i = 0; i < kCallers; ++i) {
    const std::size_t before = queue.queued();
    callers.emplace_back([&, i] {
      submitted_on[i] = std::this_thread::get_id();
      results[i] = queue.submit(works[i], [&](std::span<Entry* const> b) { return runner(b); });
    });
    wait_until([&] { return queue.queued() == before + 1; });
  }
  held.release_and_join();
  for (auto& caller : callers) caller.join();
  for (int i = 0; i < kCallers; ++i) {
    EXPECT_TRUE(results[i].ok()) << i;
    EXPECT_EQ(ran_on[i], submitted_on[i]) << "work " << i << " ran on another caller's thread";
  }
  EXPECT_EQ(runner.batch_sizes, std::vector<std::size_t>(kCallers + 1, 1));
}

TEST(GroupCommitQueueTest, WorksARunnerDidNotFinishRunInTheNextBatch) {
  GroupCommitQueue queue(8);
  RecordingRunner runner;
  runner.finish_at_most = 2;  // as when the time bound ends a batch early
  HeldLeader held(queue, runner);
  std::vector<int> order;
  std::vector<Status> results(5, domain::errors::store_unavailable("unset"));
  for (int i = 0; i < 5; ++i) {
    held.add(
        [&order, i](StoreTransaction&) {
          order.push_back(i);
          return ok_status();
        },
        &results[i]);
  }
  held.release_and_join();
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 4}));  // each ran exactly once
  EXPECT_EQ(runner.batch_sizes, (std::vector<std::size_t>{1, 5, 3, 1}));
  for (const auto& result : results) EXPECT_TRUE(result.ok());
}

TEST(GroupCommitQueueTest, TotalsCountEachBatchOnceAndEachWorkWhenItIsFinished) {
  GroupCommitQueue queue(8);
  EXPECT_EQ(queue.totals().batches, 0u);
  RecordingRunner runner;
  runner.finish_at_most = 2;
  HeldLeader held(queue, runner);
  std::vector<Status> results(5, domain::errors::store_unavailable("unset"));
  for (auto& result : results) held.add([](StoreTransaction&) { return ok_status(); }, &result);
  held.release_and_join();
  // Batches of 1, 5, 3 and 1 works were given; 1, 2, 2 and 1 finished: the unfinished ones
  // are counted once, by the batch that finished them.
  ASSERT_EQ(runner.batch_sizes, (std::vector<std::size_t>{1, 5, 3, 1}));
  EXPECT_EQ(queue.totals().batches, 4u);
  EXPECT_EQ(queue.totals().works, 6u);
  // A failed batch counts too, with each of its works (their callers got a status).
  EXPECT_FALSE(queue
                   .submit([](StoreTransaction&) { return ok_status(); },
                           [](std::span<Entry* const>) -> std::size_t {
                             throw std::runtime_error("disk full");
                           })
                   .ok());
  EXPECT_EQ(queue.totals().batches, 5u);
  EXPECT_EQ(queue.totals().works, 7u);
}

TEST(GroupCommitQueueTest, WhenTheCommitFailsNoWorkOfTheBatchIsReportedCommitted) {
  GroupCommitQueue queue(8);
  std::atomic<int> batches{0};
  // The first batch (the held work) commits; every later one fails at COMMIT.
  auto runner = [&](std::span<Entry* const> batch) -> std::size_t {
    const bool fail = batches++ > 0;
    for (Entry* entry : batch) {
      entry->status = (*entry->work)(no_transaction());
      if (fail) entry->status = domain::errors::store_unavailable("disk I/O error");
    }
    return batch.size();
  };
  std::atomic<bool> running{false};
  std::atomic<bool> release{false};
  std::thread first([&] {
    auto status = queue.submit(
        [&](StoreTransaction&) {
          running = true;
          while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
          return ok_status();
        },
        runner);
    EXPECT_TRUE(status.ok());
  });
  wait_until([&] { return running.load(); });
  std::vector<Status> results(3, ok_status());
  std::vector<std::thread> threads;
  for (int i = 0; i < 3; ++i) {
    threads.emplace_back([&, i] {
      results[i] = queue.submit([](StoreTransaction&) { return ok_status(); }, runner);
    });
    wait_until([&] { return queue.queued() == static_cast<std::size_t>(i) + 2; });
  }
  release = true;
  first.join();
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(batches.load(), 2);
  for (const auto& result : results) {
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().name, "StoreUnavailable");
  }
}

TEST(GroupCommitQueueTest, ARunnerThatThrowsOrFinishesNothingFailsItsBatch) {
  GroupCommitQueue queue(8);
  auto throws = [](std::span<Entry* const>) -> std::size_t { throw std::runtime_error("boom"); };
  auto status = queue.submit([](StoreTransaction&) { return ok_status(); }, throws);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().name, "StoreUnavailable");
  auto lazy = [](std::span<Entry* const>) -> std::size_t { return 0; };
  status = queue.submit([](StoreTransaction&) { return ok_status(); }, lazy);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().name, "StoreUnavailable");
  EXPECT_EQ(queue.queued(), 0u);  // and nothing is left behind to block the next caller
  EXPECT_TRUE(queue
                  .submit([](StoreTransaction&) { return ok_status(); },
                          [](std::span<Entry* const> batch) {
                            for (Entry* e : batch) e->status = ok_status();
                            return batch.size();
                          })
                  .ok());
}

// between_batches() waits for the running batch and keeps the next one (queued meanwhile)
// from starting until it is done: the WAL checkpointer's copy never overlaps a write.
TEST(GroupCommitQueueTest, BetweenBatchesWaitsForTheRunningBatchAndHoldsTheNext) {
  GroupCommitQueue queue(8);
  RecordingRunner runner;
  auto run = [&](std::span<Entry* const> batch) { return runner(batch); };
  std::mutex events_mutex;
  std::vector<std::string> events;
  auto event = [&](const std::string& what) {
    std::lock_guard<std::mutex> lock(events_mutex);
    events.push_back(what);
  };
  std::atomic<bool> first_running{false};
  std::atomic<bool> release_first{false};
  std::atomic<bool> exclusive_running{false};
  std::atomic<bool> release_exclusive{false};
  std::thread first([&] {
    EXPECT_TRUE(queue
                    .submit(
                        [&](StoreTransaction&) {
                          first_running = true;
                          while (!release_first) {
                            std::this_thread::sleep_for(std::chrono::milliseconds(1));
                          }
                          event("first work");
                          return ok_status();
                        },
                        run)
                    .ok());
  });
  wait_until([&] { return first_running.load(); });
  std::thread exclusive([&] {
    queue.between_batches([&] {
      event("exclusive");
      exclusive_running = true;
      while (!release_exclusive) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    });
  });
  std::thread second([&] {
    EXPECT_TRUE(queue
                    .submit(
                        [&](StoreTransaction&) {
                          event("second work");
                          return ok_status();
                        },
                        run)
                    .ok());
  });
  wait_until([&] { return queue.queued() == 2 && queue.between_batches_pending() == 1; });
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_FALSE(exclusive_running.load()) << "ran while a batch ran";
  release_first = true;
  wait_until([&] { return exclusive_running.load(); });
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_EQ(queue.queued(), 1u) << "the second work must wait";
  release_exclusive = true;
  first.join();
  exclusive.join();
  second.join();
  EXPECT_EQ(events, (std::vector<std::string>{"first work", "exclusive", "second work"}));
  EXPECT_EQ(runner.batch_sizes, (std::vector<std::size_t>{1, 1}));
}

TEST(GroupCommitQueueTest, BetweenBatchesRunsAtOnceWhenIdleAndPassesItsExceptionOn) {
  GroupCommitQueue queue(8);
  bool ran = false;
  queue.between_batches([&] { ran = true; });
  EXPECT_TRUE(ran);
  EXPECT_THROW(queue.between_batches([] { throw std::runtime_error("checkpoint failed"); }),
               std::runtime_error);
  RecordingRunner runner;  // and the queue still runs works afterwards
  EXPECT_TRUE(queue
                  .submit([](StoreTransaction&) { return ok_status(); },
                          [&](std::span<Entry* const> batch) { return runner(batch); })
                  .ok());
}

// Callers that submit works, every third of which refuses, and count the works run (only ever
// touched by the one running work) and the callers told another result than their own work's.
struct CountingCallers {
  GroupCommitQueue& queue;
  GroupCommitQueue::BatchRunner run;
  int ran = 0;
  std::atomic<int> wrong{0};

  void submit(int who, int count) {
    for (int i = 0; i < count; ++i) {
      const bool refuse = (i + who) % 3 == 0;
      auto status = queue.submit(
          [&, refuse](StoreTransaction&) -> Status {
            ++ran;
            if (refuse) return domain::errors::forbidden("refused");
            return ok_status();
          },
          run);
      if (status.ok() == refuse) ++wrong;
    }
  }
};

TEST(GroupCommitQueueTest, ManyThreadsEachGetTheirOwnResultAndEveryWorkRunsOnce) {
  GroupCommitQueue queue(4);
  RecordingRunner runner;
  CountingCallers callers{queue, [&](std::span<Entry* const> batch) { return runner(batch); }};
  constexpr int kThreads = 8;
  constexpr int kPerThread = 200;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] { callers.submit(t, kPerThread); });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(callers.wrong.load(), 0);
  EXPECT_EQ(callers.ran, kThreads * kPerThread);
  EXPECT_LE(queue.largest_batch(), 4u);
}

// Gathering (gather_while): with a limit far beyond the test, a batch forms only when the
// queue is full, so the works that arrive while the leader gathers share its batch.
TEST(GroupCommitQueueTest, WhileWorthWaitingALeaderGathersTheWorksThatArriveIntoItsBatch) {
  GroupCommitQueue queue(4);
  std::atomic<int> asked{0};
  queue.gather_while([&] { return ++asked > 0; }, std::chrono::seconds(60));
  RecordingRunner runner;
  auto run = [&](std::span<Entry* const> batch) { return runner(batch); };
  std::vector<std::thread> threads;
  std::atomic<int> committed{0};
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&] {
      if (queue.submit([](StoreTransaction&) { return ok_status(); }, run).ok()) ++committed;
    });
    // The fourth fills the queue, and the batch runs at once.
    if (i < 3) wait_until([&] { return queue.queued() == static_cast<std::size_t>(i) + 1; });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(committed.load(), 4);
  EXPECT_EQ(runner.batch_sizes, (std::vector<std::size_t>{4}));
  EXPECT_GE(asked.load(), 1);
}

TEST(GroupCommitQueueTest, WhenNotWorthWaitingOrOffABatchStartsAtOnce) {
  RecordingRunner runner;
  auto run = [&](std::span<Entry* const> batch) { return runner(batch); };
  const auto started = std::chrono::steady_clock::now();
  GroupCommitQueue not_worth(8);
  int asked = 0;
  not_worth.gather_while([&] { return ++asked < 0; }, std::chrono::seconds(60));
  EXPECT_TRUE(not_worth.submit([](StoreTransaction&) { return ok_status(); }, run).ok());
  EXPECT_EQ(asked, 1);
  GroupCommitQueue off(8);  // a zero limit turns gathering off: the condition is never asked
  off.gather_while([&] { return ++asked > 0; }, std::chrono::milliseconds(0));
  EXPECT_TRUE(off.submit([](StoreTransaction&) { return ok_status(); }, run).ok());
  EXPECT_EQ(asked, 1);
  EXPECT_EQ(runner.batch_sizes, (std::vector<std::size_t>{1, 1}));
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(30));
}

TEST(GroupCommitQueueTest, AGatherEndsAtItsLimitOrWhenItIsNoLongerWorthIt) {
  RecordingRunner runner;
  auto run = [&](std::span<Entry* const> batch) { return runner(batch); };
  GroupCommitQueue limited(8);  // always worth it, nothing else comes: the limit ends it
  limited.gather_while([] { return true; }, std::chrono::milliseconds(50));
  EXPECT_TRUE(limited.submit([](StoreTransaction&) { return ok_status(); }, run).ok());

  // Asked again at each fifth of the limit: once it no longer holds, the batch starts.
  GroupCommitQueue asked_again(8);
  std::atomic<int> asked{0};
  std::atomic<bool> worth{true};
  asked_again.gather_while(
      [&] {
        ++asked;
        return worth.load();
      },
      std::chrono::seconds(5));
  const auto started = std::chrono::steady_clock::now();
  std::thread leader([&] {
    EXPECT_TRUE(asked_again.submit([](StoreTransaction&) { return ok_status(); }, run).ok());
  });
  wait_until([&] { return asked.load() >= 1; });
  worth = false;
  leader.join();
  EXPECT_GE(asked.load(), 2);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(4500));
  EXPECT_EQ(runner.batch_sizes, (std::vector<std::size_t>{1, 1}));
}

TEST(GroupCommitQueueTest, BetweenBatchesRunsWhileALeaderGathersAndItsBatchWaitsForIt) {
  GroupCommitQueue queue(2);
  queue.gather_while([] { return true; }, std::chrono::seconds(60));
  RecordingRunner runner;
  auto run = [&](std::span<Entry* const> batch) { return runner(batch); };
  std::thread first(
      [&] { EXPECT_TRUE(queue.submit([](StoreTransaction&) { return ok_status(); }, run).ok()); });
  wait_until([&] { return queue.queued() == 1; });
  std::size_t batches_seen = 99;
  std::thread second;
  queue.between_batches([&] {
    std::lock_guard<std::mutex> lock(runner.mutex);
    batches_seen = runner.batch_sizes.size();
    // A work that fills the queue meanwhile does not start the batch before this ends.
    second = std::thread([&] {
      EXPECT_TRUE(queue.submit([](StoreTransaction&) { return ok_status(); }, run).ok());
    });
  });
  first.join();
  second.join();
  EXPECT_EQ(batches_seen, 0u);
  EXPECT_EQ(runner.batch_sizes, (std::vector<std::size_t>{2}));
}

// Fibers (requests on the event loop, platform/fiber.h) wait for their batch parked instead
// of holding a thread: many fibers on two threads, beside plain threads, each learn their own
// result, and every work runs once.
TEST(GroupCommitQueueTest, FibersAndThreadsEachGetTheirOwnResultAndEveryWorkRunsOnce) {
  GroupCommitQueue queue(4);
  RecordingRunner runner;
  CountingCallers callers{queue, [&](std::span<Entry* const> batch) { return runner(batch); }};
  constexpr int kFibers = 32;
  constexpr int kThreads = 2;
  constexpr int kEach = 50;
  std::atomic<int> finished{0};
  auto submit_all = [&](int who) {
    callers.submit(who, kEach);
    ++finished;
  };
  {
    platform::fibers::ThreadRuntime runtime(2);
    for (int f = 0; f < kFibers; ++f) {
      runtime.post([&, f] { platform::fibers::start(runtime, [&, f] { submit_all(f); }); });
    }
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) threads.emplace_back([&, t] { submit_all(kFibers + t); });
    for (auto& thread : threads) thread.join();
    wait_until([&] { return finished.load() == kFibers + kThreads; });
  }
  EXPECT_EQ(finished.load(), kFibers + kThreads);
  EXPECT_EQ(callers.wrong.load(), 0);
  EXPECT_EQ(callers.ran, (kFibers + kThreads) * kEach);
  EXPECT_LE(queue.largest_batch(), 4u);
}

// A leader that gathers in a fiber parks: on a runtime of one thread the other fibers still
// run, fill the queue and so end its wait (a leader holding the thread would wait out its
// whole minute, the others queued behind it).
TEST(GroupCommitQueueTest, AGatheringFiberGivesItsThreadToTheWorksThatFillItsBatch) {
  GroupCommitQueue queue(4);
  queue.gather_while([] { return true; }, std::chrono::seconds(60));
  RecordingRunner runner;
  auto run = [&](std::span<Entry* const> batch) { return runner(batch); };
  std::atomic<int> committed{0};
  const auto started = std::chrono::steady_clock::now();
  {
    platform::fibers::ThreadRuntime runtime(1);
    for (int i = 0; i < 4; ++i) {
      runtime.post([&] {
        platform::fibers::start(runtime, [&] {
          if (queue.submit([](StoreTransaction&) { return ok_status(); }, run).ok()) ++committed;
        });
      });
    }
    wait_until([&] { return committed.load() == 4; });
  }
  EXPECT_EQ(committed.load(), 4);
  EXPECT_EQ(runner.batch_sizes, (std::vector<std::size_t>{4}));
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(30));
}

}  // namespace
}  // namespace sspr::store
