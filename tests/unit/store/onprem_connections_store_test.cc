// The on-premises connections of SociStoreTransaction (migration 0009) on SQLite (always) and
// PostgreSQL (when SSPR_TEST_PG_URL names a database): none until saved, every field
// round-trips, saving replaces, one row per tenant.
#include <gtest/gtest.h>

#include "store/backend_store_test.h"

namespace sspr::store {
namespace {

namespace onprem = domain::onprem;

constexpr const char* kNow = "2024-05-01T10:00:00.000Z";

using OnPremConnectionsStoreTest = BackendStoreTest;

onprem::ConnectionSettings every_field(domain::TenantId tenant) {
  return onprem::ConnectionSettings{.tenant = tenant,
                                    .url = "ldaps://dc1.contoso.example:636",
                                    .flavor = onprem::DirectoryFlavor::kActiveDirectory,
                                    .bind_dn = "CN=sspr,OU=Service,DC=contoso,DC=example",
                                    .bind_password_file = "/etc/sspr/ad-password",
                                    .base_dn = "OU=People,DC=contoso,DC=example",
                                    .starttls = false,
                                    .ca_file = "/etc/sspr/ad-ca.pem",
                                    .timeout_seconds = 7,
                                    .updated_at = kNow,
                                    .upn_attribute = "userPrincipalName",
                                    .disabled_filter = "(employeeStatus=left)",
                                    .managed_by_config = true};
}

void expect_same(const onprem::ConnectionSettings& a, const onprem::ConnectionSettings& b) {
  EXPECT_EQ(a.tenant, b.tenant);
  EXPECT_EQ(a.url, b.url);
  EXPECT_EQ(a.flavor, b.flavor);
  EXPECT_EQ(a.bind_dn, b.bind_dn);
  EXPECT_EQ(a.bind_password_file, b.bind_password_file);
  EXPECT_EQ(a.upn_attribute, b.upn_attribute);
  EXPECT_EQ(a.base_dn, b.base_dn);
  EXPECT_EQ(a.starttls, b.starttls);
  EXPECT_EQ(a.ca_file, b.ca_file);
  EXPECT_EQ(a.timeout_seconds, b.timeout_seconds);
  EXPECT_EQ(a.updated_at, b.updated_at);
  EXPECT_EQ(a.disabled_filter, b.disabled_filter);
  EXPECT_EQ(a.managed_by_config, b.managed_by_config);
}

TEST_P(OnPremConnectionsStoreTest, NoneUntilSavedThenEveryFieldRoundTripsAndSavingReplaces) {
  run([](StoreTransaction& tx) {
    const auto tenant = tx.insert_tenant("Contoso", kNow);
    const auto other = tx.insert_tenant("Fabrikam", kNow);
    EXPECT_FALSE(tx.find_onprem_connection(tenant));
    tx.save_onprem_connection(every_field(tenant));
    auto stored = tx.find_onprem_connection(tenant);
    ASSERT_TRUE(stored);
    expect_same(*stored, every_field(tenant));
    EXPECT_FALSE(tx.find_onprem_connection(other));

    auto replaced = every_field(tenant);
    replaced.url = "ldap://127.0.0.1:3890";
    replaced.flavor = onprem::DirectoryFlavor::kOpenLdap;
    replaced.starttls = true;
    replaced.ca_file = "";
    replaced.disabled_filter = "";
    replaced.managed_by_config = false;
    tx.save_onprem_connection(replaced);
    stored = tx.find_onprem_connection(tenant);
    ASSERT_TRUE(stored);
    expect_same(*stored, replaced);
  });
}

TEST_P(OnPremConnectionsStoreTest, ListsTheTenantsWhoseConnectionTheConfigurationFileManages) {
  run([](StoreTransaction& tx) {
    const auto contoso = tx.insert_tenant("Contoso", kNow);
    const auto fabrikam = tx.insert_tenant("Fabrikam", kNow);
    const auto northwind = tx.insert_tenant("Northwind", kNow);
    EXPECT_TRUE(tx.list_config_managed_onprem_tenants().empty());
    tx.save_onprem_connection(every_field(northwind));  // managed
    tx.save_onprem_connection(every_field(contoso));    // managed
    auto by_admin = every_field(fabrikam);
    by_admin.managed_by_config = false;
    tx.save_onprem_connection(by_admin);
    EXPECT_EQ(tx.list_config_managed_onprem_tenants(),
              (std::vector<domain::TenantId>{contoso, northwind}));
  });
}

BACKEND_STORE_TEST_SUITE(OnPremConnectionsStoreTest);

}  // namespace
}  // namespace sspr::store
