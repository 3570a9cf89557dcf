// Reset flows and throttle counters of SociStoreTransaction (migrations 0007, 0008), on SQLite and
// PostgreSQL: flows round-trip and move only from the version read; throttle counting is exact
// when many attempts on one key run at once.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "domain/clock.h"
#include "store/backend_store_test.h"

namespace sspr::store {
namespace {

namespace reset = domain::reset;
using domain::methods::MethodType;
using namespace std::chrono_literals;

constexpr const char* kNow = "2024-05-01T10:00:00.000Z";

class ResetFlowsStoreTest : public BackendStoreTest {
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
    });
  }

  reset::ResetFlow flow() const {
    return reset::start_flow("flow-1", tenant_, user_, 2, "corr-1", *domain::parse_iso8601(kNow));
  }

  domain::TenantId tenant_ = 0;
  domain::UserId user_ = 0;
};

TEST_P(ResetFlowsStoreTest, FlowRoundTripsWithGatesAndPendingChallenge) {
  run([&](StoreTransaction& tx) {
    auto started = flow();
    tx.insert_reset_flow(started);
    auto found = tx.find_reset_flow("flow-1");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->state, reset::FlowState::kVerifying);
    EXPECT_EQ(found->gates_required, 2);
    EXPECT_TRUE(found->gates_passed.empty());
    EXPECT_FALSE(found->pending);
    EXPECT_EQ(found->created_at, started.created_at);
    EXPECT_EQ(found->correlation_id, "corr-1");

    auto step = reset::begin_gate(*found, {MethodType::kEmail, "code-9", {}}, started.created_at);
    step = reset::pass_gate(*step, MethodType::kEmail, started.created_at + 1min);
    step = reset::begin_gate(*step, {MethodType::kSecurityQuestions, "", {"first-pet", "custom-3"}},
                             started.created_at + 2min);
    ASSERT_TRUE(step);
    EXPECT_TRUE(tx.update_reset_flow(*step));
    found = tx.find_reset_flow("flow-1");
    EXPECT_EQ(found->gates_passed, std::vector<MethodType>{MethodType::kEmail});
    ASSERT_TRUE(found->pending);
    EXPECT_EQ(found->pending->method, MethodType::kSecurityQuestions);
    EXPECT_EQ(found->pending->question_ids, (std::vector<std::string>{"first-pet", "custom-3"}));
    EXPECT_EQ(found->last_step_at, started.created_at + 2min);
    EXPECT_EQ(found->version, 1);
    EXPECT_FALSE(tx.find_reset_flow("flow-2"));
  });
}

TEST_P(ResetFlowsStoreTest, ReasonAndFailedSendRoundTrip) {
  run([&](StoreTransaction& tx) {
    const auto now = *domain::parse_iso8601(kNow);
    tx.insert_reset_flow(flow());
    auto found = tx.find_reset_flow("flow-1");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->reason, reset::ResetReason::kForgot);
    EXPECT_FALSE(found->send_failed_at);
    auto failed = reset::record_send_failure(*found, now + 1min);
    ASSERT_TRUE(failed);
    EXPECT_TRUE(tx.update_reset_flow(*failed));
    EXPECT_EQ(tx.find_reset_flow("flow-1")->send_failed_at, now + 1min);

    tx.insert_reset_flow(reset::start_flow("flow-2", tenant_, user_, 1, "corr-2", now,
                                           reset::ResetReason::kLockedOut));
    EXPECT_EQ(tx.find_reset_flow("flow-2")->reason, reset::ResetReason::kLockedOut);
  });
}

TEST_P(ResetFlowsStoreTest, AStepAppliedToAStaleVersionIsRefused) {
  run([&](StoreTransaction& tx) {
    tx.insert_reset_flow(flow());
    auto read_by_a = *tx.find_reset_flow("flow-1");
    auto read_by_b = read_by_a;
    EXPECT_TRUE(tx.update_reset_flow(*reset::cancel(read_by_a, read_by_a.created_at)));
    EXPECT_FALSE(tx.update_reset_flow(*reset::cancel(read_by_b, read_by_b.created_at)));
    EXPECT_EQ(tx.find_reset_flow("flow-1")->state, reset::FlowState::kCancelled);
  });
}

TEST_P(ResetFlowsStoreTest, ThrottleKeysCountBlockAndClear) {
  run([&](StoreTransaction& tx) {
    EXPECT_EQ(tx.lock_throttle_key("user:1"), "");
    tx.record_throttle_attempt("user:1", "ResetAttempt", "2024-05-01T09:00:00.000Z");
    tx.record_throttle_attempt("user:1", "ResetAttempt", "2024-05-01T09:30:00.000Z");
    tx.record_throttle_attempt("user:1", "EmailSent", "2024-05-01T09:30:00.000Z");
    tx.record_throttle_attempt("ip:127.0.0.1", "ResetAttempt", "2024-05-01T09:30:00.000Z");
    EXPECT_EQ(tx.count_throttle_attempts("user:1", "ResetAttempt", "2024-05-01T09:00:00.000Z"), 2);
    EXPECT_EQ(tx.count_throttle_attempts("user:1", "ResetAttempt", "2024-05-01T09:00:00.001Z"), 1);
    tx.set_throttle_block("user:1", "2024-05-02T09:30:00.000Z");
    EXPECT_EQ(tx.lock_throttle_key("user:1"), "2024-05-02T09:30:00.000Z");
    tx.clear_throttle_attempts("user:1");
    EXPECT_EQ(tx.count_throttle_attempts("user:1", "ResetAttempt", ""), 0);
    EXPECT_EQ(tx.count_throttle_attempts("ip:127.0.0.1", "ResetAttempt", ""), 1);
  });
}

// 40 attempts on one key from 4 threads, each admitted only while fewer than 5 are counted:
// exactly 5 are admitted, whatever the interleaving.
TEST_P(ResetFlowsStoreTest, ConcurrentAttemptsOnOneKeyAreCountedExactly) {
  std::atomic<int> admitted{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 10; ++i) {
        auto status = store_->transact([&](StoreTransaction& tx) {
          tx.lock_throttle_key("user:7");
          if (tx.count_throttle_attempts("user:7", "ResetAttempt", "") < 5) {
            tx.record_throttle_attempt("user:7", "ResetAttempt", kNow);
            ++admitted;
          }
          return domain::ok_status();
        });
        EXPECT_TRUE(status.ok()) << status.error().technical;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(admitted.load(), 5);
}

BACKEND_STORE_TEST_SUITE(ResetFlowsStoreTest);

}  // namespace
}  // namespace sspr::store
