// The SSPR policy of SociStoreTransaction on SQLite (always) and PostgreSQL (when
// SSPR_TEST_PG_URL names a database): none until saved, every field round-trips, saving
// replaces, deleting the group clears it.
#include <gtest/gtest.h>
#include <soci/postgresql/soci-postgresql.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <functional>

#include "store/open_store.h"
#include "store/postgresql_conninfo.h"
#include "store/soci_headers.h"

namespace sspr::store {
namespace {

namespace policy = domain::policy;
using policy::MethodType;

constexpr const char* kNow = "2024-05-01T10:00:00.000Z";

class SsprPolicyStoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    const auto suffix = std::to_string(::getpid()) + "_" + std::to_string(counter++);
    StoreLocation location;
    if (GetParam() == "sqlite") {
      dir_ = std::filesystem::temp_directory_path() / ("sspr_policy_store_test_" + suffix);
      std::filesystem::create_directories(dir_);
      location.db_url = "sqlite:" + (dir_ / "test.db").string();
    } else {
      const char* url = std::getenv("SSPR_TEST_PG_URL");
      if (url == nullptr || *url == '\0') GTEST_SKIP() << "SSPR_TEST_PG_URL not set";
      base_url_ = url;
      schema_ = "sspr_policy_test_" + suffix;
      admin() << "CREATE SCHEMA " + schema_;
      location.db_url = base_url_ + (base_url_.find('?') == std::string::npos ? "?" : "&") +
                        "options=-csearch_path%3D" + schema_;
    }
    location.pool_size = 2;
    auto opened = open_store(location);
    ASSERT_TRUE(opened.ok()) << opened.error().technical;
    store_ = std::move(opened).value();
  }

  void TearDown() override {
    store_.reset();
    if (!schema_.empty()) admin() << "DROP SCHEMA IF EXISTS " + schema_ + " CASCADE";
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  soci::session& admin() {
    if (!admin_) {
      admin_ = std::make_unique<soci::session>(soci::postgresql, *postgresql_conninfo(base_url_));
      *admin_ << "SET client_min_messages = warning";
    }
    return *admin_;
  }

  void run(const std::function<void(StoreTransaction&)>& work) {
    auto status = store_->transact([&](StoreTransaction& tx) -> domain::Status {
      work(tx);
      return domain::ok_status();
    });
    ASSERT_TRUE(status.ok()) << status.error().technical;
  }

  std::unique_ptr<Store> store_;
  std::filesystem::path dir_;
  std::string base_url_;
  std::string schema_;
  std::unique_ptr<soci::session> admin_;
};

domain::Group group_named(domain::TenantId tenant, const std::string& name) {
  domain::Group group;
  group.tenant_id = tenant;
  group.name = name;
  return group;
}

policy::SsprPolicy every_field_changed(std::int64_t group) {
  policy::SsprPolicy p;
  p.enabled = policy::SsprEnabled::kSelected;
  p.group_id = group;
  p.methods_required = 2;
  p.methods = {MethodType::kEmail, MethodType::kOfficePhone, MethodType::kSecurityQuestions,
               MethodType::kAppCode, MethodType::kAppNotification};
  p.questions_to_register = 5;
  p.questions_to_reset = 4;
  p.require_registration = false;
  p.reconfirm_days = 730;
  p.notify_users = false;
  p.notify_admins = true;
  p.helpdesk = "https://help.contoso.example/sspr";
  p.writeback = true;
  p.unlock = true;
  return p;
}

TEST_P(SsprPolicyStoreTest, NoPolicyUntilSavedThenEveryFieldRoundTrips) {
  run([](StoreTransaction& tx) {
    const auto tenant = tx.insert_tenant("Contoso", kNow);
    const auto other = tx.insert_tenant("Fabrikam", kNow);
    EXPECT_FALSE(tx.find_sspr_policy(tenant));
    tx.save_sspr_policy(tenant, policy::SsprPolicy{}, kNow);
    EXPECT_EQ(tx.find_sspr_policy(tenant), policy::SsprPolicy{});
    EXPECT_FALSE(tx.find_sspr_policy(other));

    const auto group = tx.insert_group(group_named(tenant, "SSPR Users"), kNow);
    const auto changed = every_field_changed(group);
    tx.save_sspr_policy(tenant, changed, kNow);
    EXPECT_EQ(tx.find_sspr_policy(tenant), changed);
    tx.save_sspr_policy(tenant, policy::SsprPolicy{}, kNow);
    EXPECT_EQ(tx.find_sspr_policy(tenant), policy::SsprPolicy{});
  });
}

TEST_P(SsprPolicyStoreTest, DeletingTheGroupClearsItFromThePolicy) {
  domain::TenantId tenant = 0;
  domain::GroupId group = 0;
  run([&](StoreTransaction& tx) {
    tenant = tx.insert_tenant("Contoso", kNow);
    group = tx.insert_group(group_named(tenant, "SSPR Users"), kNow);
    tx.save_sspr_policy(tenant, every_field_changed(group), kNow);
  });
  run([&](StoreTransaction& tx) { tx.delete_group(group); });
  run([&](StoreTransaction& tx) {
    auto stored = tx.find_sspr_policy(tenant);
    ASSERT_TRUE(stored);
    EXPECT_FALSE(stored->group_id);
    EXPECT_EQ(stored->enabled, policy::SsprEnabled::kSelected);
  });
}

INSTANTIATE_TEST_SUITE_P(Backends, SsprPolicyStoreTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace sspr::store
