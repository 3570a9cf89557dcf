#include "store/sqlite_busy_retry.h"

#include <gtest/gtest.h>

#include <chrono>
#include <stdexcept>

#include <soci/sqlite3/soci-sqlite3.h>

namespace sspr::store {
namespace {

constexpr int kSqliteBusy = 5;
constexpr int kSqliteBusyRecovery = kSqliteBusy | (1 << 8);
constexpr int kSqliteConstraint = 19;

TEST(SqliteBusyRetryTest, ABusyStatementRunsAgainUntilItSucceeds) {
  int calls = 0;
  retry_while_busy(
      [&] {
        ++calls;
        if (calls == 1) throw soci::sqlite3_soci_error("database is locked", kSqliteBusy);
        if (calls == 2) throw soci::sqlite3_soci_error("recovering", kSqliteBusyRecovery);
      },
      std::chrono::seconds(10));
  EXPECT_EQ(calls, 3);
}

TEST(SqliteBusyRetryTest, AnyOtherFailureIsPassedOnAtOnce) {
  int calls = 0;
  EXPECT_THROW(retry_while_busy(
                   [&] {
                     ++calls;
                     throw soci::sqlite3_soci_error("constraint failed", kSqliteConstraint);
                   },
                   std::chrono::seconds(10)),
               soci::sqlite3_soci_error);
  EXPECT_EQ(calls, 1);
  calls = 0;
  EXPECT_THROW(retry_while_busy(
                   [&] {
                     ++calls;
                     throw std::runtime_error("not SQLite's");
                   },
                   std::chrono::seconds(10)),
               std::runtime_error);
  EXPECT_EQ(calls, 1);
}

TEST(SqliteBusyRetryTest, StillBusyAfterThePatienceThrowsTheLastFailure) {
  int calls = 0;
  const auto began = std::chrono::steady_clock::now();
  try {
    retry_while_busy(
        [&] {
          ++calls;
          throw soci::sqlite3_soci_error("database is locked", kSqliteBusy);
        },
        std::chrono::milliseconds(30));
    FAIL() << "a statement that stays busy must fail";
  } catch (const soci::sqlite3_soci_error& e) {
    EXPECT_EQ(e.result(), kSqliteBusy);
  }
  EXPECT_GE(std::chrono::steady_clock::now() - began, std::chrono::milliseconds(30));
  EXPECT_GT(calls, 1);
}

}  // namespace
}  // namespace sspr::store
