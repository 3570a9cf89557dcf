// Sessions and sign-in failure counters of SociStoreTransaction, on SQLite (always) and
// PostgreSQL (when SSPR_TEST_PG_URL names a database, e.g. from scripts/test-postgres.sh).
#include <gtest/gtest.h>
#include <soci/postgresql/soci-postgresql.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "domain/clock.h"
#include "store/backend_store_test.h"

namespace sspr::store {
namespace {

constexpr const char* kNow = "2024-05-01T10:00:00.000Z";

class SessionsStoreTest : public BackendStoreTest {
 protected:
  void SetUp() override {
    BackendStoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    run([&](StoreTransaction& tx) {
      tenant_ = tx.insert_tenant("Contoso", kNow);
      domain::User user;
      user.tenant_id = tenant_;
      user.upn = "alice@contoso.example";
      user_ = tx.insert_user(user, kNow);
      user.upn = "bob@contoso.example";
      other_user_ = tx.insert_user(user, kNow);
    });
  }

  domain::Session session(const std::string& id, domain::UserId user) const {
    return {id,   user, tenant_, kNow, kNow, "2024-05-01T10:30:00.000Z", "2024-05-01T22:00:00.000Z",
            false};
  }

  domain::TenantId tenant_ = 0;
  domain::UserId user_ = 0;
  domain::UserId other_user_ = 0;
};

TEST_P(SessionsStoreTest, InsertFindTouchFlagAndDelete) {
  run([&](StoreTransaction& tx) {
    tx.insert_session(session("digest-a", user_));
    auto found = tx.find_session("digest-a");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->user_id, user_);
    EXPECT_EQ(found->tenant_id, tenant_);
    EXPECT_EQ(found->idle_expires_at, "2024-05-01T10:30:00.000Z");
    EXPECT_FALSE(found->must_register);
    tx.touch_session("digest-a", "2024-05-01T10:10:00.000Z", "2024-05-01T10:40:00.000Z");
    tx.set_session_must_register("digest-a", true);
    found = tx.find_session("digest-a");
    EXPECT_EQ(found->last_seen_at, "2024-05-01T10:10:00.000Z");
    EXPECT_EQ(found->idle_expires_at, "2024-05-01T10:40:00.000Z");
    EXPECT_TRUE(found->must_register);
    EXPECT_FALSE(tx.find_session("digest-b"));
    EXPECT_TRUE(tx.delete_session("digest-a"));
    EXPECT_FALSE(tx.delete_session("digest-a"));
    EXPECT_FALSE(tx.find_session("digest-a"));
  });
}

TEST_P(SessionsStoreTest, DeletesOtherSessionsOfOneUserAndExpiredOnes) {
  run([&](StoreTransaction& tx) {
    tx.insert_session(session("a1", user_));
    tx.insert_session(session("a2", user_));
    tx.insert_session(session("b1", other_user_));
    EXPECT_EQ(tx.delete_other_sessions(user_, "a1"), 1u);
    EXPECT_TRUE(tx.find_session("a1"));
    EXPECT_FALSE(tx.find_session("a2"));
    EXPECT_TRUE(tx.find_session("b1"));
    tx.touch_session("b1", kNow, "2024-05-01T11:00:00.000Z");
    EXPECT_EQ(tx.delete_expired_sessions("2024-05-01T10:29:59.999Z"), 0u);
    EXPECT_EQ(tx.delete_expired_sessions("2024-05-01T10:30:00.000Z"), 1u);
    EXPECT_FALSE(tx.find_session("a1"));
    EXPECT_TRUE(tx.find_session("b1"));
  });
}

TEST_P(SessionsStoreTest, SignInFailuresRoundTrip) {
  run([&](StoreTransaction& tx) {
    auto state = tx.lock_sign_in_failures(user_);
    EXPECT_EQ(state.failures, 0);
    EXPECT_FALSE(state.lockout_until);
    EXPECT_TRUE(state.recent_wrong.empty());
    state.failures = 3;
    state.lockout_round = 2;
    state.lockout_until = domain::parse_iso8601("2024-05-01T10:02:00.000Z");
    state.recent_wrong = {"d1", "d2", "d3"};
    state.last_failure = domain::parse_iso8601("2024-05-01T10:01:00.000Z");
    tx.save_sign_in_failures(user_, state);
  });
  run([&](StoreTransaction& tx) {
    auto state = tx.lock_sign_in_failures(user_);
    EXPECT_EQ(state.failures, 3);
    EXPECT_EQ(state.lockout_round, 2);
    ASSERT_TRUE(state.lockout_until);
    EXPECT_EQ(domain::to_iso8601(*state.lockout_until), "2024-05-01T10:02:00.000Z");
    EXPECT_EQ(state.recent_wrong, (std::vector<std::string>{"d1", "d2", "d3"}));
    EXPECT_EQ(domain::to_iso8601(*state.last_failure), "2024-05-01T10:01:00.000Z");
    EXPECT_EQ(tx.lock_sign_in_failures(other_user_).failures, 0);
    // Housekeeping forgets counts and digests of failures before the given time only.
    EXPECT_EQ(tx.forget_sign_in_failures_before("2024-05-01T10:01:00.000Z"), 0u);
    EXPECT_EQ(tx.forget_sign_in_failures_before("2024-05-01T10:01:00.001Z"), 1u);
    state = tx.lock_sign_in_failures(user_);
    EXPECT_EQ(state.failures, 0);
    EXPECT_TRUE(state.recent_wrong.empty());
    EXPECT_EQ(state.lockout_round, 2);
  });
}

// Read-modify-write in concurrent transactions: no increment is lost.
TEST_P(SessionsStoreTest, ConcurrentFailureCountsAreExact) {
  constexpr int kThreads = 4;
  constexpr int kEach = 10;
  std::vector<std::thread> threads;
  std::atomic<int> failed{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kEach; ++i) {
        auto status = store_->transact([&](StoreTransaction& tx) {
          auto state = tx.lock_sign_in_failures(user_);
          state.failures += 1;
          tx.save_sign_in_failures(user_, state);
          return domain::ok_status();
        });
        if (!status) failed++;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failed.load(), 0);
  run([&](StoreTransaction& tx) {
    EXPECT_EQ(tx.lock_sign_in_failures(user_).failures, kThreads * kEach);
  });
}

BACKEND_STORE_TEST_SUITE(SessionsStoreTest);

}  // namespace
}  // namespace sspr::store
