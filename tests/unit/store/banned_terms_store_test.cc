// The custom banned terms of SociStoreTransaction, on a temporary SQLite database (PostgreSQL
// is covered by tests/integration/test_password_protection.py).
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>

#include "store/open_store.h"

namespace sspr::store {
namespace {

constexpr const char* kNow = "2024-05-01T10:00:00.000Z";

TEST(BannedTermsStore, AddListRemovePerTenantAndCascade) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("sspr_banned_store_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  {
    auto opened = open_store({"sqlite:" + (dir / "test.db").string(), "", 2});
    ASSERT_TRUE(opened.ok()) << opened.error().technical;
    auto store = std::move(opened).value();
    auto status = store->transact([](StoreTransaction& tx) -> domain::Status {
      const auto a = tx.insert_tenant("A", kNow);
      const auto b = tx.insert_tenant("B", kNow);
      EXPECT_TRUE(tx.add_banned_term(a, "widget", kNow));
      EXPECT_TRUE(tx.add_banned_term(a, "gizmo", kNow));
      EXPECT_FALSE(tx.add_banned_term(a, "widget", kNow));
      EXPECT_TRUE(tx.add_banned_term(b, "widget", kNow));
      EXPECT_EQ(tx.list_banned_terms(a), (std::vector<std::string>{"gizmo", "widget"}));
      EXPECT_TRUE(tx.remove_banned_term(a, "widget"));
      EXPECT_FALSE(tx.remove_banned_term(a, "widget"));
      EXPECT_EQ(tx.list_banned_terms(a), std::vector<std::string>{"gizmo"});
      EXPECT_EQ(tx.list_banned_terms(b), std::vector<std::string>{"widget"});
      return domain::ok_status();
    });
    EXPECT_TRUE(status.ok());
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace sspr::store
