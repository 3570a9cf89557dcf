#include "http/worker_pool.h"

#include <atomic>

#include <gtest/gtest.h>

namespace sspr::http {
namespace {

TEST(WorkerPool, RunsEveryQueuedTaskBeforeStopping) {
  std::atomic<int> done{0};
  {
    WorkerPool pool(3);
    for (int i = 0; i < 1000; ++i) {
      ASSERT_TRUE(pool.submit([&done] { done.fetch_add(1); }));
    }
    pool.stop_and_join();
  }
  EXPECT_EQ(done.load(), 1000);
}

TEST(WorkerPool, RefusesTasksAfterStopping) {
  WorkerPool pool(1);
  pool.stop_and_join();
  EXPECT_FALSE(pool.submit([] {}));
}

TEST(WorkerPool, SurvivesAThrowingTask) {
  std::atomic<int> done{0};
  WorkerPool pool(1);
  pool.submit([] { throw std::runtime_error("boom"); });
  pool.submit([&done] { done = 1; });
  pool.stop_and_join();
  EXPECT_EQ(done.load(), 1);
}

}  // namespace
}  // namespace sspr::http
