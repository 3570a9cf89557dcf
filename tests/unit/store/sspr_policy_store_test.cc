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

#include "store/backend_store_test.h"

namespace sspr::store {
namespace {

namespace policy = domain::policy;
using policy::MethodType;

constexpr const char* kNow = "2024-05-01T10:00:00.000Z";

using SsprPolicyStoreTest = BackendStoreTest;

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

BACKEND_STORE_TEST_SUITE(SsprPolicyStoreTest);

}  // namespace
}  // namespace sspr::store
