// Used CAPTCHA challenges of SociStoreTransaction, on SQLite (always) and PostgreSQL (when
// SSPR_TEST_PG_URL names a database, e.g. from scripts/test-postgres.sh).
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "store/backend_store_test.h"

namespace sspr::store {
namespace {

constexpr const char* kExpiry = "2024-05-01T10:10:00.000Z";

class CaptchaStoreTest : public BackendStoreTest {};

TEST_P(CaptchaStoreTest, AChallengeIsRecordedOnlyOnce) {
  run([&](StoreTransaction& tx) {
    EXPECT_TRUE(tx.record_used_captcha("aa", kExpiry));
    EXPECT_FALSE(tx.record_used_captcha("aa", kExpiry));
    EXPECT_TRUE(tx.record_used_captcha("bb", kExpiry));
  });
  // Also across transactions, and the refused insert leaves the transaction usable.
  run([&](StoreTransaction& tx) {
    EXPECT_FALSE(tx.record_used_captcha("aa", kExpiry));
    EXPECT_TRUE(tx.record_used_captcha("cc", kExpiry));
  });
}

TEST_P(CaptchaStoreTest, AUsedChallengeIsFoundByItsExactText) {
  run([&](StoreTransaction& tx) {
    EXPECT_FALSE(tx.captcha_used("aa"));
    EXPECT_TRUE(tx.record_used_captcha("aa", kExpiry));
    EXPECT_TRUE(tx.captcha_used("aa"));
    EXPECT_FALSE(tx.captcha_used("a"));
    EXPECT_FALSE(tx.captcha_used("AA"));
  });
  run([&](StoreTransaction& tx) { EXPECT_TRUE(tx.captcha_used("aa")); });
}

TEST_P(CaptchaStoreTest, ExpiredChallengesArePurgedAtOrAfterTheirExpiry) {
  run([&](StoreTransaction& tx) {
    EXPECT_TRUE(tx.record_used_captcha("early", "2024-05-01T10:00:00.000Z"));
    EXPECT_TRUE(tx.record_used_captcha("late", "2024-05-01T10:20:00.000Z"));
  });
  run([&](StoreTransaction& tx) {
    EXPECT_EQ(tx.delete_expired_captchas("2024-05-01T09:59:59.999Z"), 0u);
    EXPECT_EQ(tx.delete_expired_captchas("2024-05-01T10:00:00.000Z"), 1u);
    // Forgotten once expired (its signature has expired too, so it cannot come back).
    EXPECT_TRUE(tx.record_used_captcha("early", "2024-05-01T10:00:00.000Z"));
    EXPECT_FALSE(tx.record_used_captcha("late", "2024-05-01T10:20:00.000Z"));
  });
}

TEST_P(CaptchaStoreTest, ConcurrentUsesOfOneChallengeSucceedOnce) {
  constexpr int kThreads = 4;
  std::atomic<int> recorded{0};
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&] {
      auto status = store_->transact([&](StoreTransaction& tx) {
        if (tx.record_used_captcha("shared", kExpiry)) ++recorded;
        return domain::ok_status();
      });
      if (!status.ok()) ++failures;
    });
  }
  for (auto& thread : threads) thread.join();
  // SQLite may answer "busy" to a writer that waited too long; that is a refusal as well.
  EXPECT_EQ(recorded.load(), 1);
  if (GetParam() == "postgresql") {
    EXPECT_EQ(failures.load(), 0);
  }
}

BACKEND_STORE_TEST_SUITE(CaptchaStoreTest);

}  // namespace
}  // namespace sspr::store
