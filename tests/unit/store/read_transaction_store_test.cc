// Store::read, the read-only transaction, on SQLite (always) and PostgreSQL (when
// SSPR_TEST_PG_URL names a database, e.g. from scripts/test-postgres.sh).
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "store/backend_store_test.h"

namespace sspr::store {
namespace {

constexpr const char* kNow = "2024-05-01T10:00:00.000Z";

class ReadTransactionStoreTest : public BackendStoreTest {};

TEST_P(ReadTransactionStoreTest, SeesWhatWasCommitted) {
  domain::TenantId tenant = 0;
  run([&](StoreTransaction& tx) { tenant = tx.insert_tenant("Contoso", kNow); });
  std::optional<domain::Tenant> found;
  auto status = store_->read([&](StoreTransaction& tx) {
    found = tx.find_tenant(tenant);
    return domain::ok_status();
  });
  ASSERT_TRUE(status.ok()) << status.error().technical;
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->name, "Contoso");
}

TEST_P(ReadTransactionStoreTest, AWriteInsideFailsAndLeavesNothing) {
  auto status = store_->read([&](StoreTransaction& tx) {
    tx.insert_tenant("Fabrikam", kNow);
    return domain::ok_status();
  });
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().name, "StoreUnavailable");
  run([&](StoreTransaction& tx) { EXPECT_TRUE(tx.list_tenants().empty()); });
  // The session is usable again afterwards, for reads and (through transact) writes.
  run([&](StoreTransaction& tx) { tx.insert_tenant("Fabrikam", kNow); });
  std::size_t tenants = 0;
  auto again = store_->read([&](StoreTransaction& tx) {
    tenants = tx.list_tenants().size();
    return domain::ok_status();
  });
  ASSERT_TRUE(again.ok()) << again.error().technical;
  EXPECT_EQ(tenants, 1u);
}

TEST_P(ReadTransactionStoreTest, AnErrorReturnedByTheWorkIsReturned) {
  auto status = store_->read([&](StoreTransaction&) -> domain::Status {
    return domain::errors::not_found("tenant", "x");
  });
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().name, "NotFound");
}

TEST_P(ReadTransactionStoreTest, ReadsRunWhileAWriteTransactionIsOpen) {
  domain::TenantId tenant = 0;
  run([&](StoreTransaction& tx) { tenant = tx.insert_tenant("Contoso", kNow); });
  std::atomic<bool> writing{false};
  std::atomic<bool> release{false};
  std::thread writer([&] {
    auto status = store_->transact([&](StoreTransaction& tx) {
      tx.insert_tenant("Uncommitted", kNow);
      writing = true;
      while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
      return domain::ok_status();
    });
    EXPECT_TRUE(status.ok());
  });
  while (!writing) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  // Not blocked by the open writer, and its uncommitted row is not seen.
  std::size_t tenants = 0;
  bool found = false;
  auto status = store_->read([&](StoreTransaction& tx) {
    tenants = tx.list_tenants().size();
    found = tx.find_tenant(tenant).has_value();
    return domain::ok_status();
  });
  release = true;
  writer.join();
  ASSERT_TRUE(status.ok()) << status.error().technical;
  EXPECT_EQ(tenants, 1u);
  EXPECT_TRUE(found);
}

BACKEND_STORE_TEST_SUITE(ReadTransactionStoreTest);

}  // namespace
}  // namespace sspr::store
