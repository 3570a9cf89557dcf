// Write transactions under concurrency on SQLite (always) and PostgreSQL (when SSPR_TEST_PG_URL
// names a database): SQLite group commits them (several works in one transaction, each in its
// own savepoint), PostgreSQL runs one transaction each; the guarantees are the same.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "store/backend_store_test.h"
#include "store/soci_store.h"
#include "store/wait_until.h"

namespace sspr::store {
namespace {

using domain::ok_status;
using domain::Status;

constexpr const char* kNow = "2024-05-01T10:00:00.000Z";
constexpr const char* kKey = "user:1";

class GroupCommitStoreTest : public BackendStoreTest {
 protected:
  domain::User user(domain::TenantId tenant, const std::string& upn) {
    domain::User u;
    u.tenant_id = tenant;
    u.upn = upn;
    u.display_name = upn;
    u.email = upn;
    return u;
  }
  bool has_user(const std::string& upn) {
    bool found = false;
    run([&](StoreTransaction& tx) { found = tx.find_user_by_upn(upn).has_value(); });
    return found;
  }
  int attempts() {
    int count = 0;
    run([&](StoreTransaction& tx) { count = tx.count_throttle_attempts(kKey, "challenge", ""); });
    return count;
  }
};

// N threads × M read-count-then-record steps on one locked throttle key: every step sees the
// ones before it (the counts seen are exactly 0 .. N×M−1, each once) and none is lost.
TEST_P(GroupCommitStoreTest, ConcurrentCountAndRecordStepsAreExact) {
  constexpr int kThreads = 8;
  constexpr int kSteps = 40;
  std::mutex seen_mutex;
  std::multiset<int> seen;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kSteps; ++i) {
        int count = -1;
        auto status = store_->transact([&](StoreTransaction& tx) {
          tx.lock_throttle_key(kKey);
          count = tx.count_throttle_attempts(kKey, "challenge", "");
          tx.record_throttle_attempt(kKey, "challenge", kNow);
          return ok_status();
        });
        if (!status.ok()) {
          ++failures;
          continue;
        }
        std::lock_guard<std::mutex> lock(seen_mutex);
        seen.insert(count);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(attempts(), kThreads * kSteps);
  std::multiset<int> expected;
  for (int i = 0; i < kThreads * kSteps; ++i) expected.insert(i);
  EXPECT_EQ(seen, expected);
}

// Works that fail (a returned error, a database error, an exception) among concurrent ones
// that succeed: exactly the failing ones' writes are gone, and each caller gets its own result.
TEST_P(GroupCommitStoreTest, FailingWorksAmongConcurrentOnesLoseOnlyTheirOwnWrites) {
  domain::TenantId tenant = 0;
  run([&](StoreTransaction& tx) { tenant = tx.insert_tenant("Contoso", kNow); });
  run([&](StoreTransaction& tx) { tx.insert_user(user(tenant, "taken@c.example"), kNow); });
  constexpr int kThreads = 6;
  constexpr int kRounds = 20;
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kRounds; ++i) {
        const std::string upn = "t" + std::to_string(t) + "r" + std::to_string(i) + "@c.example";
        const int kind = (t + i) % 4;  // 0 succeeds, 1 refuses, 2 breaks a UNIQUE rule, 3 throws
        auto status = store_->transact([&](StoreTransaction& tx) -> Status {
          tx.insert_user(user(tenant, upn), kNow);
          if (kind == 1) return domain::errors::forbidden("refused");
          if (kind == 2) tx.insert_user(user(tenant, "taken@c.example"), kNow);
          if (kind == 3) throw std::runtime_error("thrown inside the work");
          return ok_status();
        });
        const char* expected = kind == 0 ? "" : kind == 1 ? "Forbidden" : "StoreUnavailable";
        if (status.ok() != (kind == 0) || (!status.ok() && status.error().name != expected)) {
          ++wrong;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(wrong.load(), 0);
  for (int t = 0; t < kThreads; ++t) {
    for (int i = 0; i < kRounds; ++i) {
      const std::string upn = "t" + std::to_string(t) + "r" + std::to_string(i) + "@c.example";
      EXPECT_EQ(has_user(upn), (t + i) % 4 == 0) << upn;
    }
  }
  std::size_t users = 0;
  run([&](StoreTransaction& tx) { users = tx.count_users(tenant); });
  EXPECT_EQ(users, 1u + kThreads * kRounds / 4);
}

BACKEND_STORE_TEST_SUITE(GroupCommitStoreTest);

// SQLite only: works queued while one runs are committed together, and inside that one
// transaction each work sees the earlier ones' writes, and a failing work (error, database
// error, exception) is rolled back to its savepoint without touching the others.
class SqliteGroupCommitTest : public BackendStoreTest {};

TEST_P(SqliteGroupCommitTest, QueuedWorksShareOneBatchInOrderWithSavepointIsolation) {
  auto* soci = dynamic_cast<SociStore*>(store_.get());
  ASSERT_NE(soci, nullptr);
  domain::TenantId tenant = 0;
  run([&](StoreTransaction& tx) {
    tenant = tx.insert_tenant("Contoso", kNow);
    domain::User taken;
    taken.tenant_id = tenant;
    taken.upn = taken.display_name = taken.email = "taken@c.example";
    tx.insert_user(taken, kNow);
  });
  auto make = [&](const std::string& upn) {
    domain::User u;
    u.tenant_id = tenant;
    u.upn = u.display_name = u.email = upn;
    return u;
  };

  // A first work holds the writer until the others are queued behind it, one by one.
  std::atomic<bool> holding{false};
  std::atomic<bool> release{false};
  std::thread first([&] {
    auto status = store_->transact([&](StoreTransaction&) {
      holding = true;
      while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
      return ok_status();
    });
    EXPECT_TRUE(status.ok());
  });
  wait_until([&] { return holding.load(); });

  std::vector<std::function<Status(StoreTransaction&)>> works;
  bool d_saw_a = false, d_saw_b = false, d_saw_c = false, d_saw_e = false;
  works.push_back([&](StoreTransaction& tx) {  // A: succeeds
    tx.insert_user(make("a@c.example"), kNow);
    return ok_status();
  });
  works.push_back([&](StoreTransaction& tx) -> Status {  // B: writes, then refuses
    tx.insert_user(make("b@c.example"), kNow);
    return domain::errors::forbidden("refused");
  });
  works.push_back([&](StoreTransaction& tx) {  // C: writes, then a database error
    tx.insert_user(make("c@c.example"), kNow);
    tx.insert_user(make("taken@c.example"), kNow);
    return ok_status();
  });
  works.push_back([&](StoreTransaction& tx) -> Status {  // E: writes, then throws
    tx.insert_user(make("e@c.example"), kNow);
    throw std::runtime_error("thrown inside the work");
  });
  works.push_back([&](StoreTransaction& tx) {  // D: sees A only, then writes
    d_saw_a = tx.find_user_by_upn("a@c.example").has_value();
    d_saw_b = tx.find_user_by_upn("b@c.example").has_value();
    d_saw_c = tx.find_user_by_upn("c@c.example").has_value();
    d_saw_e = tx.find_user_by_upn("e@c.example").has_value();
    tx.insert_user(make("d@c.example"), kNow);
    return ok_status();
  });
  std::vector<Status> results(works.size(), domain::errors::store_unavailable("unset"));
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < works.size(); ++i) {
    threads.emplace_back([&, i] { results[i] = store_->transact(works[i]); });
    wait_until([&] { return soci->queued_writes() == i + 2; });  // the first one + i + 1
  }
  release = true;
  first.join();
  for (auto& thread : threads) thread.join();

  EXPECT_EQ(soci->largest_write_batch(), works.size());  // one batch held all five
  EXPECT_TRUE(results[0].ok());
  ASSERT_FALSE(results[1].ok());
  EXPECT_EQ(results[1].error().name, "Forbidden");
  ASSERT_FALSE(results[2].ok());
  EXPECT_EQ(results[2].error().name, "StoreUnavailable");
  ASSERT_FALSE(results[3].ok());
  EXPECT_EQ(results[3].error().name, "StoreUnavailable");
  EXPECT_TRUE(results[4].ok()) << results[4].error().technical;
  EXPECT_TRUE(d_saw_a);
  EXPECT_FALSE(d_saw_b);
  EXPECT_FALSE(d_saw_c);
  EXPECT_FALSE(d_saw_e);
  for (const char* upn : {"a@c.example", "d@c.example"}) {
    run([&](StoreTransaction& tx) { EXPECT_TRUE(tx.find_user_by_upn(upn)) << upn; });
  }
  for (const char* upn : {"b@c.example", "c@c.example", "e@c.example"}) {
    run([&](StoreTransaction& tx) { EXPECT_FALSE(tx.find_user_by_upn(upn)) << upn; });
  }
  EXPECT_EQ(soci->queued_writes(), 0u);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, SqliteGroupCommitTest, ::testing::Values("sqlite"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace sspr::store
