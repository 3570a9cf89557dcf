// SociStore against SQLite (always) and PostgreSQL (when SSPR_TEST_PG_URL names a database,
// e.g. from scripts/test-postgres.sh). Every test gets an empty database: a fresh SQLite file,
// or a fresh PostgreSQL schema selected through the connection's search_path.
#include <gtest/gtest.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <sys/stat.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "store/embedded_migrations.h"
#include "store/migration_runner.h"
#include "store/open_store.h"
#include "store/postgresql_conninfo.h"
#include "store/soci_headers.h"

// Designated initialisers name only the fields a test cares about; the rest keep defaults.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace sspr::store {
namespace {

using domain::ErrorKind;
using domain::Group;
using domain::MemberKind;
using domain::ok_status;
using domain::Status;
using domain::User;

constexpr const char* kNow = "2024-05-01T10:00:00.000Z";

std::string unique_suffix() {
  static std::atomic<int> counter{0};
  return std::to_string(::getpid()) + "_" + std::to_string(counter++);
}

class SociStoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "sqlite") {
      dir_ = std::filesystem::temp_directory_path() / ("sspr_store_test_" + unique_suffix());
      std::filesystem::create_directories(dir_);
      location_.db_url = "sqlite:" + (dir_ / "test.db").string();
    } else {
      const char* url = std::getenv("SSPR_TEST_PG_URL");
      if (url == nullptr || *url == '\0') GTEST_SKIP() << "SSPR_TEST_PG_URL not set";
      base_url_ = url;
      schema_ = "sspr_test_" + unique_suffix();
      admin_session() << "DROP SCHEMA IF EXISTS " + schema_ + " CASCADE";
      admin_session() << "CREATE SCHEMA " + schema_;
      location_.db_url = base_url_ + (base_url_.find('?') == std::string::npos ? "?" : "&") +
                         "options=-csearch_path%3D" + schema_;
    }
    location_.pool_size = 4;
    reopen();
  }

  void TearDown() override {
    store_.reset();
    if (!schema_.empty()) admin_session() << "DROP SCHEMA IF EXISTS " + schema_ + " CASCADE";
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  soci::session& admin_session() {
    if (!admin_) {
      admin_ = std::make_unique<soci::session>(soci::postgresql, *postgresql_conninfo(base_url_));
      *admin_ << "SET client_min_messages = warning";
    }
    return *admin_;
  }

  // A plain session on the test database, for checks behind the store's back.
  std::unique_ptr<soci::session> raw_session() {
    if (GetParam() == "sqlite") {
      return std::make_unique<soci::session>(soci::sqlite3, "db=" + (dir_ / "test.db").string());
    }
    return std::make_unique<soci::session>(soci::postgresql,
                                           *postgresql_conninfo(location_.db_url));
  }

  void reopen() {
    store_.reset();
    auto opened = open_store(location_);
    ASSERT_TRUE(opened.ok()) << opened.error().technical;
    store_ = std::move(opened).value();
  }

  // Runs `work` in one transaction that must succeed, and returns what it returned.
  template <typename Work>
  auto run(Work work) {
    using Value = decltype(work(std::declval<StoreTransaction&>()));
    if constexpr (std::is_void_v<Value>) {
      Status status = store_->transact([&](StoreTransaction& tx) {
        work(tx);
        return ok_status();
      });
      EXPECT_TRUE(status.ok()) << status.error().technical;
    } else {
      std::optional<Value> value;
      Status status = store_->transact([&](StoreTransaction& tx) {
        value = work(tx);
        return ok_status();
      });
      EXPECT_TRUE(status.ok()) << status.error().technical;
      if (!value) throw std::runtime_error("transaction failed");
      return std::move(*value);
    }
  }

  domain::TenantId add_tenant(const std::string& name, const std::string& domain) {
    return run([&](StoreTransaction& tx) {
      auto id = tx.insert_tenant(name, kNow);
      tx.insert_domain(id, domain);
      return id;
    });
  }

  static User make_user(domain::TenantId tenant, const std::string& upn) {
    User user;
    user.tenant_id = tenant;
    user.upn = upn;
    user.display_name = "Display " + upn;
    user.given_name = "Given";
    user.surname = "Surname";
    user.email = upn;
    return user;
  }

  domain::UserId add_user(domain::TenantId tenant, const std::string& upn) {
    return run([&](StoreTransaction& tx) { return tx.insert_user(make_user(tenant, upn), kNow); });
  }

  domain::GroupId add_group(domain::TenantId tenant, const std::string& name) {
    Group group;
    group.tenant_id = tenant;
    group.name = name;
    group.description = "about " + name;
    return run([&](StoreTransaction& tx) { return tx.insert_group(group, kNow); });
  }

  void nest(domain::GroupId child, domain::GroupId parent) {
    run([&](StoreTransaction& tx) { return tx.add_member(parent, MemberKind::kGroup, child); });
  }
  void join(domain::UserId user, domain::GroupId group) {
    run([&](StoreTransaction& tx) { return tx.add_member(group, MemberKind::kUser, user); });
  }

  static std::vector<std::string> names(const std::vector<Group>& groups) {
    std::vector<std::string> out;
    for (const auto& group : groups) out.push_back(group.name);
    return out;
  }

  StoreLocation location_;
  std::unique_ptr<Store> store_;
  std::filesystem::path dir_;
  std::string base_url_;
  std::string schema_;
  std::unique_ptr<soci::session> admin_;
};

TEST_P(SociStoreTest, ReportsItsBackendAndAnswersPing) {
  EXPECT_EQ(store_->backend(), GetParam());
  EXPECT_TRUE(store_->ping());
}

TEST_P(SociStoreTest, OnlySqliteReportsItsOneWriter) {
  const auto writer = store_->writer_usage();
  if (GetParam() != std::string("sqlite")) {
    EXPECT_FALSE(writer.has_value()) << "PostgreSQL has no single writer to report";
    return;
  }
  ASSERT_TRUE(writer.has_value());
  EXPECT_EQ(writer->queued_writes, 0u);  // nothing writes now
  EXPECT_EQ(writer->checkpoints_failed, 0u);
  ASSERT_TRUE(store_->transact([](StoreTransaction& tx) {
    tx.insert_tenant("writer.example", "2026-01-01T00:00:00Z");
    return ok_status();
  }));
  EXPECT_GT(store_->writer_usage()->log_frames, 0) << "the commit added pages to the log";
}

TEST_P(SociStoreTest, MigrationsAreIdempotentAcrossOpens) {
  reopen();
  reopen();
  int applied = 0;
  *raw_session() << "SELECT COUNT(*) FROM schema_migrations", soci::into(applied);
  auto migrations = parse_migrations(embedded_migrations());
  ASSERT_TRUE(migrations.ok());
  EXPECT_EQ(applied, static_cast<int>(migrations->size()));
}

TEST_P(SociStoreTest, ProcessesStartingTogetherMigrateOnce) {
  store_.reset();
  if (GetParam() == "sqlite") {
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::filesystem::remove(dir_ / (std::string("test.db") + suffix));
    }
  } else {
    admin_session() << "DROP SCHEMA " + schema_ + " CASCADE";
    admin_session() << "CREATE SCHEMA " + schema_;
  }
  std::atomic<int> failures{0};
  std::vector<std::thread> starters;
  for (int i = 0; i < 4; ++i) {
    starters.emplace_back([&] {
      auto opened = open_store(location_);
      if (!opened.ok()) {
        ++failures;
        ADD_FAILURE() << opened.error().technical;
      }
    });
  }
  for (auto& starter : starters) starter.join();
  EXPECT_EQ(failures.load(), 0);
  int applied = 0;
  *raw_session() << "SELECT COUNT(*) FROM schema_migrations", soci::into(applied);
  EXPECT_EQ(applied, static_cast<int>(embedded_migrations().size()));
}

TEST_P(SociStoreTest, RefusesADatabaseNewerThanTheProgram) {
  store_.reset();
  *raw_session() << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, "
                    "'9999_future.sql', '2030-01-01T00:00:00Z')";
  auto opened = open_store(location_);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().kind, ErrorKind::kUnavailable);
  EXPECT_NE(opened.error().technical.find("9999"), std::string::npos);
}

TEST_P(SociStoreTest, TenantsAndDomains) {
  auto contoso = add_tenant("Contoso", "contoso.example");
  run([&](StoreTransaction& tx) { tx.insert_domain(contoso, "Mail.Contoso.Example"); });
  auto fabrikam = add_tenant("Fabrikam", "fabrikam.example");

  auto tenants = run([](StoreTransaction& tx) { return tx.list_tenants(); });
  ASSERT_EQ(tenants.size(), 2u);
  EXPECT_EQ(tenants[0].name, "Contoso");
  EXPECT_EQ(tenants[0].domains,
            (std::vector<std::string>{"contoso.example", "mail.contoso.example"}));
  EXPECT_EQ(tenants[0].created_at, kNow);
  EXPECT_EQ(tenants[1].id, fabrikam);

  EXPECT_EQ(run([](StoreTransaction& tx) { return tx.tenant_of_domain("MAIL.contoso.example"); }),
            contoso);
  EXPECT_EQ(run([](StoreTransaction& tx) { return tx.tenant_of_domain("nowhere.example"); }),
            std::nullopt);
  auto found = run([&](StoreTransaction& tx) { return tx.find_tenant(fabrikam); });
  ASSERT_TRUE(found);
  EXPECT_EQ(found->domains, std::vector<std::string>{"fabrikam.example"});
  EXPECT_FALSE(run([](StoreTransaction& tx) { return tx.find_tenant(999); }));
  // Its own domains only, in their order, and the same fields as the list.
  auto first = run([&](StoreTransaction& tx) { return tx.find_tenant(contoso); });
  ASSERT_TRUE(first);
  EXPECT_EQ(first->id, contoso);
  EXPECT_EQ(first->name, "Contoso");
  EXPECT_EQ(first->created_at, kNow);
  EXPECT_EQ(first->domains, tenants[0].domains);
}

TEST_P(SociStoreTest, ADomainBelongsToOneTenantOnly) {
  add_tenant("Contoso", "contoso.example");
  auto fabrikam = add_tenant("Fabrikam", "fabrikam.example");
  Status status = store_->transact([&](StoreTransaction& tx) {
    tx.insert_domain(fabrikam, "contoso.example");
    return ok_status();
  });
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().kind, ErrorKind::kUnavailable);
  EXPECT_EQ(run([](StoreTransaction& tx) { return tx.find_tenant(2); })->domains.size(), 1u);
}

TEST_P(SociStoreTest, UserLifecycle) {
  auto tenant = add_tenant("Contoso", "contoso.example");
  User synced = make_user(tenant, "bob@contoso.example");
  synced.source = domain::UserSource::kSynced;
  synced.auth_mode = domain::AuthMode::kPassThrough;
  synced.onprem_id = "CN=Bob,DC=contoso";
  synced.enabled = false;
  auto alice = add_user(tenant, "alice@contoso.example");
  auto bob = run([&](StoreTransaction& tx) { return tx.insert_user(synced, kNow); });
  EXPECT_NE(alice, bob);

  auto found = run([](StoreTransaction& tx) { return tx.find_user_by_upn("bob@contoso.example"); });
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, bob);
  EXPECT_EQ(found->tenant_id, tenant);
  EXPECT_EQ(found->display_name, "Display bob@contoso.example");
  EXPECT_EQ(found->source, domain::UserSource::kSynced);
  EXPECT_EQ(found->auth_mode, domain::AuthMode::kPassThrough);
  EXPECT_EQ(found->onprem_id, "CN=Bob,DC=contoso");
  EXPECT_FALSE(found->enabled);
  EXPECT_FALSE(found->has_password);
  EXPECT_EQ(found->created_at, kNow);

  auto by_id = run([&](StoreTransaction& tx) { return tx.find_user(alice); });
  ASSERT_TRUE(by_id);
  EXPECT_EQ(by_id->upn, "alice@contoso.example");
  EXPECT_EQ(by_id->auth_mode, std::nullopt);
  EXPECT_TRUE(by_id->enabled);
  EXPECT_FALSE(run([](StoreTransaction& tx) { return tx.find_user(424242); }));

  for (int i = 0; i < 5; ++i) add_user(tenant, "user" + std::to_string(i) + "@contoso.example");
  EXPECT_EQ(run([&](StoreTransaction& tx) { return tx.count_users(tenant); }), 7u);
  auto page = run([&](StoreTransaction& tx) { return tx.list_users(tenant, 2, 3); });
  ASSERT_EQ(page.size(), 3u);
  EXPECT_EQ(page[0].upn, "user0@contoso.example");  // alice, bob, then user0...

  User changed = *by_id;
  changed.display_name = "Alice A.";
  changed.enabled = false;
  run([&](StoreTransaction& tx) { tx.update_user(changed, "2024-06-01T00:00:00.000Z"); });
  auto updated = run([&](StoreTransaction& tx) { return tx.find_user(alice); });
  EXPECT_EQ(updated->display_name, "Alice A.");
  EXPECT_FALSE(updated->enabled);
  EXPECT_EQ(updated->updated_at, "2024-06-01T00:00:00.000Z");
  EXPECT_EQ(updated->created_at, kNow);

  EXPECT_EQ(run([&](StoreTransaction& tx) { return tx.password_hash(alice); }), std::nullopt);
  run([&](StoreTransaction& tx) { tx.set_password_hash(alice, "$argon2id$v=19$hash", kNow); });
  EXPECT_EQ(run([&](StoreTransaction& tx) { return tx.password_hash(alice); }),
            "$argon2id$v=19$hash");
  EXPECT_TRUE(run([&](StoreTransaction& tx) { return tx.find_user(alice); })->has_password);

  run([&](StoreTransaction& tx) { tx.delete_user(bob); });
  EXPECT_FALSE(run([&](StoreTransaction& tx) { return tx.find_user(bob); }));
  EXPECT_EQ(run([&](StoreTransaction& tx) { return tx.count_users(tenant); }), 6u);
}

TEST_P(SociStoreTest, AUpnIsUniqueAcrossTenants) {
  auto contoso = add_tenant("Contoso", "contoso.example");
  auto fabrikam = add_tenant("Fabrikam", "fabrikam.example");
  add_user(contoso, "alice@contoso.example");
  Status status = store_->transact([&](StoreTransaction& tx) {
    tx.insert_user(make_user(fabrikam, "alice@contoso.example"), kNow);
    return ok_status();
  });
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().kind, ErrorKind::kUnavailable);
  EXPECT_EQ(run([&](StoreTransaction& tx) { return tx.count_users(fabrikam); }), 0u);
}

TEST_P(SociStoreTest, GroupNamesAreUniquePerTenantIgnoringCase) {
  auto contoso = add_tenant("Contoso", "contoso.example");
  auto fabrikam = add_tenant("Fabrikam", "fabrikam.example");
  auto sales = add_group(contoso, "Sales");
  add_group(fabrikam, "SALES");  // another tenant: allowed
  auto found = run([&](StoreTransaction& tx) { return tx.find_group_by_name(contoso, "sAlEs"); });
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, sales);
  EXPECT_EQ(found->name, "Sales");
  EXPECT_EQ(found->description, "about Sales");
  EXPECT_EQ(found->created_at, kNow);
  EXPECT_EQ(run([&](StoreTransaction& tx) { return tx.find_group(sales); })->tenant_id, contoso);

  Group duplicate;
  duplicate.tenant_id = contoso;
  duplicate.name = "SALES";
  Status status = store_->transact([&](StoreTransaction& tx) {
    tx.insert_group(duplicate, kNow);
    return ok_status();
  });
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().kind, ErrorKind::kUnavailable);

  add_group(contoso, "engineering");
  EXPECT_EQ(names(run([&](StoreTransaction& tx) { return tx.list_groups(contoso); })),
            (std::vector<std::string>{"engineering", "Sales"}));
}

TEST_P(SociStoreTest, MembershipAddListRemove) {
  auto tenant = add_tenant("Contoso", "contoso.example");
  auto alice = add_user(tenant, "alice@contoso.example");
  auto staff = add_group(tenant, "Staff");
  auto sales = add_group(tenant, "Sales");
  EXPECT_TRUE(
      run([&](StoreTransaction& tx) { return tx.add_member(staff, MemberKind::kUser, alice); }));
  EXPECT_FALSE(
      run([&](StoreTransaction& tx) { return tx.add_member(staff, MemberKind::kUser, alice); }));
  EXPECT_TRUE(
      run([&](StoreTransaction& tx) { return tx.add_member(staff, MemberKind::kGroup, sales); }));

  auto members = run([&](StoreTransaction& tx) { return tx.list_members(staff); });
  ASSERT_EQ(members.size(), 2u);
  EXPECT_EQ(members[0].kind, MemberKind::kUser);
  EXPECT_EQ(members[0].id, alice);
  EXPECT_EQ(members[0].name, "alice@contoso.example");
  EXPECT_EQ(members[1].kind, MemberKind::kGroup);
  EXPECT_EQ(members[1].name, "Sales");

  EXPECT_TRUE(
      run([&](StoreTransaction& tx) { return tx.remove_member(staff, MemberKind::kUser, alice); }));
  EXPECT_FALSE(
      run([&](StoreTransaction& tx) { return tx.remove_member(staff, MemberKind::kUser, alice); }));
  EXPECT_EQ(run([&](StoreTransaction& tx) { return tx.list_members(staff); }).size(), 1u);
}

TEST_P(SociStoreTest, NestedGroupsFiveDeep) {
  auto tenant = add_tenant("Contoso", "contoso.example");
  auto alice = add_user(tenant, "alice@contoso.example");
  std::vector<domain::GroupId> chain;
  for (int i = 1; i <= 5; ++i) chain.push_back(add_group(tenant, "G" + std::to_string(i)));
  join(alice, chain[0]);
  for (std::size_t i = 0; i + 1 < chain.size(); ++i) nest(chain[i], chain[i + 1]);
  auto unrelated = add_group(tenant, "Unrelated");

  EXPECT_EQ(names(run([&](StoreTransaction& tx) { return tx.transitive_groups_of_user(alice); })),
            (std::vector<std::string>{"G1", "G2", "G3", "G4", "G5"}));
  EXPECT_TRUE(run([&](StoreTransaction& tx) { return tx.is_transitive_member(alice, chain[4]); }));
  EXPECT_FALSE(
      run([&](StoreTransaction& tx) { return tx.is_transitive_member(alice, unrelated); }));
  auto edges = run([&](StoreTransaction& tx) { return tx.group_edges(tenant); });
  ASSERT_EQ(edges.size(), 4u);
  EXPECT_EQ(edges[0].child, chain[0]);
  EXPECT_EQ(edges[0].parent, chain[1]);
}

TEST_P(SociStoreTest, ACycleTerminatesWithEachGroupOnce) {
  auto tenant = add_tenant("Contoso", "contoso.example");
  auto alice = add_user(tenant, "alice@contoso.example");
  auto a = add_group(tenant, "A");
  auto b = add_group(tenant, "B");
  join(alice, a);
  nest(a, b);
  nest(b, a);
  EXPECT_EQ(names(run([&](StoreTransaction& tx) { return tx.transitive_groups_of_user(alice); })),
            (std::vector<std::string>{"A", "B"}));
  EXPECT_TRUE(run([&](StoreTransaction& tx) { return tx.is_transitive_member(alice, b); }));
  run([&](StoreTransaction& tx) { tx.assign_license_to_group(b, "PREMIUM_P1"); });
  EXPECT_EQ(
      run([&](StoreTransaction& tx) { return tx.count_license_holders(tenant, "PREMIUM_P1"); }), 1);
}

TEST_P(SociStoreTest, LicencesDirectAndThroughNestedGroups) {
  auto tenant = add_tenant("Contoso", "contoso.example");
  auto alice = add_user(tenant, "alice@contoso.example");
  auto inner = add_group(tenant, "Inner");
  auto middle = add_group(tenant, "Middle");
  auto outer = add_group(tenant, "Outer");
  join(alice, inner);
  nest(inner, middle);
  nest(middle, outer);
  EXPECT_TRUE(
      run([&](StoreTransaction& tx) { return tx.assign_license_to_group(outer, "PREMIUM_P2"); }));
  EXPECT_FALSE(
      run([&](StoreTransaction& tx) { return tx.assign_license_to_group(outer, "PREMIUM_P2"); }));
  EXPECT_TRUE(run([&](StoreTransaction& tx) { return tx.assign_license_to_user(alice, "BASIC"); }));
  EXPECT_FALSE(
      run([&](StoreTransaction& tx) { return tx.assign_license_to_user(alice, "BASIC"); }));
  run([&](StoreTransaction& tx) { tx.assign_license_to_group(inner, "BASIC"); });

  EXPECT_EQ(run([&](StoreTransaction& tx) { return tx.effective_skus_of_user(alice); }),
            (std::vector<std::string>{"BASIC", "PREMIUM_P2"}));
  auto assignments = run([&](StoreTransaction& tx) { return tx.list_license_assignments(tenant); });
  ASSERT_EQ(assignments.size(), 3u);
  EXPECT_EQ(assignments[0].sku, "BASIC");
  EXPECT_EQ(assignments[0].assignee_kind, "group");
  EXPECT_EQ(assignments[0].assignee, "Inner");
  EXPECT_EQ(assignments[1].assignee_kind, "user");
  EXPECT_EQ(assignments[1].assignee, "alice@contoso.example");

  EXPECT_TRUE(
      run([&](StoreTransaction& tx) { return tx.remove_license_from_group(outer, "PREMIUM_P2"); }));
  EXPECT_FALSE(
      run([&](StoreTransaction& tx) { return tx.remove_license_from_group(outer, "PREMIUM_P2"); }));
  EXPECT_TRUE(
      run([&](StoreTransaction& tx) { return tx.remove_license_from_user(alice, "BASIC"); }));
  EXPECT_EQ(run([&](StoreTransaction& tx) { return tx.effective_skus_of_user(alice); }),
            std::vector<std::string>{"BASIC"});  // still through Inner
}

TEST_P(SociStoreTest, CountLicenseHoldersAndSubscriptions) {
  auto contoso = add_tenant("Contoso", "contoso.example");
  auto fabrikam = add_tenant("Fabrikam", "fabrikam.example");
  auto alice = add_user(contoso, "alice@contoso.example");
  auto bob = add_user(contoso, "bob@contoso.example");
  auto carol = add_user(contoso, "carol@contoso.example");
  auto eve = add_user(fabrikam, "eve@fabrikam.example");
  auto licensed = add_group(contoso, "Licensed");
  auto nested = add_group(contoso, "Nested");
  nest(nested, licensed);
  join(alice, licensed);
  join(bob, nested);
  run([&](StoreTransaction& tx) {
    tx.assign_license_to_user(alice, "PREMIUM_P1");  // also through the group: counted once
    tx.assign_license_to_group(licensed, "PREMIUM_P1");
    tx.assign_license_to_user(carol, "BASIC");
    tx.assign_license_to_user(eve, "PREMIUM_P1");
  });
  EXPECT_EQ(
      run([&](StoreTransaction& tx) { return tx.count_license_holders(contoso, "PREMIUM_P1"); }),
      2);
  EXPECT_EQ(run([&](StoreTransaction& tx) { return tx.count_license_holders(contoso, "BASIC"); }),
            1);
  EXPECT_EQ(
      run([&](StoreTransaction& tx) { return tx.count_license_holders(fabrikam, "PREMIUM_P1"); }),
      1);
  EXPECT_EQ(run([&](StoreTransaction& tx) { return tx.count_license_holders(contoso, "NONE"); }),
            0);

  run([&](StoreTransaction& tx) { tx.upsert_subscription(contoso, "PREMIUM_P1", 10); });
  run([&](StoreTransaction& tx) { tx.upsert_subscription(contoso, "BASIC", std::nullopt); });
  auto premium =
      run([&](StoreTransaction& tx) { return tx.find_subscription(contoso, "PREMIUM_P1"); });
  ASSERT_TRUE(premium);
  EXPECT_EQ(premium->seats, 10);
  EXPECT_EQ(premium->assigned, 2);
  run([&](StoreTransaction& tx) { tx.upsert_subscription(contoso, "PREMIUM_P1", std::nullopt); });
  auto subscriptions = run([&](StoreTransaction& tx) { return tx.list_subscriptions(contoso); });
  ASSERT_EQ(subscriptions.size(), 2u);
  EXPECT_EQ(subscriptions[0].sku, "BASIC");
  EXPECT_EQ(subscriptions[0].seats, std::nullopt);
  EXPECT_EQ(subscriptions[1].seats, std::nullopt);
  EXPECT_FALSE(run([&](StoreTransaction& tx) { return tx.find_subscription(fabrikam, "BASIC"); }));
}

TEST_P(SociStoreTest, DeletingRemovesMembershipsLicencesAndRoles) {
  auto tenant = add_tenant("Contoso", "contoso.example");
  auto alice = add_user(tenant, "alice@contoso.example");
  auto bob = add_user(tenant, "bob@contoso.example");
  auto staff = add_group(tenant, "Staff");
  auto team = add_group(tenant, "Team");
  join(alice, staff);
  join(bob, team);
  nest(team, staff);
  run([&](StoreTransaction& tx) {
    tx.assign_license_to_user(alice, "BASIC");
    tx.assign_license_to_group(team, "PREMIUM_P1");
    tx.assign_role(alice, "user_administrator");
  });
  run([&](StoreTransaction& tx) { tx.delete_user(alice); });
  run([&](StoreTransaction& tx) { tx.delete_group(team); });
  EXPECT_TRUE(run([&](StoreTransaction& tx) { return tx.list_members(staff); }).empty());
  EXPECT_TRUE(
      run([&](StoreTransaction& tx) { return tx.list_license_assignments(tenant); }).empty());
  EXPECT_TRUE(run([&](StoreTransaction& tx) { return tx.list_role_assignments(tenant); }).empty());
  EXPECT_TRUE(run([&](StoreTransaction& tx) { return tx.transitive_groups_of_user(bob); }).empty());
  int rows = -1;
  *raw_session() << "SELECT COUNT(*) FROM group_members", soci::into(rows);
  EXPECT_EQ(rows, 0);
}

TEST_P(SociStoreTest, Roles) {
  auto tenant = add_tenant("Contoso", "contoso.example");
  auto alice = add_user(tenant, "alice@contoso.example");
  auto bob = add_user(tenant, "bob@contoso.example");
  EXPECT_TRUE(
      run([&](StoreTransaction& tx) { return tx.assign_role(alice, "global_administrator"); }));
  EXPECT_FALSE(
      run([&](StoreTransaction& tx) { return tx.assign_role(alice, "global_administrator"); }));
  EXPECT_TRUE(
      run([&](StoreTransaction& tx) { return tx.assign_role(alice, "helpdesk_administrator"); }));
  EXPECT_TRUE(
      run([&](StoreTransaction& tx) { return tx.assign_role(bob, "helpdesk_administrator"); }));
  EXPECT_EQ(run([&](StoreTransaction& tx) { return tx.roles_of_user(alice); }),
            (std::vector<std::string>{"global_administrator", "helpdesk_administrator"}));
  using Pairs = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(run([&](StoreTransaction& tx) { return tx.list_role_assignments(tenant); }),
            (Pairs{{"alice@contoso.example", "global_administrator"},
                   {"alice@contoso.example", "helpdesk_administrator"},
                   {"bob@contoso.example", "helpdesk_administrator"}}));
  EXPECT_TRUE(
      run([&](StoreTransaction& tx) { return tx.remove_role(alice, "global_administrator"); }));
  EXPECT_FALSE(
      run([&](StoreTransaction& tx) { return tx.remove_role(alice, "global_administrator"); }));
  EXPECT_EQ(run([&](StoreTransaction& tx) { return tx.roles_of_user(alice); }),
            std::vector<std::string>{"helpdesk_administrator"});
}

TEST_P(SociStoreTest, TokensByHashAndName) {
  auto tenant = add_tenant("Contoso", "contoso.example");
  domain::ApiToken token;
  token.tenant_id = tenant;
  token.name = "automation";
  token.role = "user_administrator";
  token.created_at = kNow;
  auto id = run([&](StoreTransaction& tx) { return tx.insert_token(token, "hash-1"); });
  token.name = "reports";
  run([&](StoreTransaction& tx) { return tx.insert_token(token, "hash-2"); });

  auto found = run([](StoreTransaction& tx) { return tx.find_token_by_hash("hash-1"); });
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, id);
  EXPECT_EQ(found->name, "automation");
  EXPECT_EQ(found->role, "user_administrator");
  EXPECT_EQ(found->tenant_id, tenant);
  EXPECT_FALSE(found->revoked);
  EXPECT_FALSE(run([](StoreTransaction& tx) { return tx.find_token_by_hash("hash-x"); }));
  EXPECT_EQ(
      run([&](StoreTransaction& tx) { return tx.find_token_by_name(tenant, "reports"); })->name,
      "reports");
  EXPECT_EQ(run([&](StoreTransaction& tx) { return tx.list_tokens(tenant); }).size(), 2u);

  run([&](StoreTransaction& tx) { tx.revoke_token(id); });
  EXPECT_TRUE(run([](StoreTransaction& tx) { return tx.find_token_by_hash("hash-1"); })->revoked);

  Status duplicate = store_->transact([&](StoreTransaction& tx) {
    tx.insert_token(token, "hash-3");  // same name in the same tenant
    return ok_status();
  });
  EXPECT_FALSE(duplicate.ok());
}

TEST_P(SociStoreTest, AuditAppendAndQuery) {
  auto event = [](int n, domain::TenantId tenant, std::string activity, std::string target) {
    domain::AuditEvent e;
    e.id = "00000000-0000-4000-8000-00000000000" + std::to_string(n);
    e.time = "2024-05-0" + std::to_string(n) + "T10:00:00.000Z";
    e.tenant_id = tenant;
    e.category = n % 2 ? "User management" : "Group management";
    e.activity = std::move(activity);
    e.actor = "cli";
    e.target = std::move(target);
    e.correlation_id = "corr-" + std::to_string(n);
    e.support_code = "support-" + std::to_string(n);
    e.client_ip = "127.0.0.1";
    e.details = {{"n", n}, {"list", {1, 2}}};
    return e;
  };
  run([&](StoreTransaction& tx) {
    tx.append_audit(event(1, 1, "Add user", "alice@contoso.example"));
    tx.append_audit(event(2, 1, "Add group", "Sales"));
    tx.append_audit(event(3, 1, "Add user", "bob@contoso.example"));
    tx.append_audit(event(4, 2, "Add user", "eve@fabrikam.example"));
  });
  auto ids = [&](AuditQuery query) {
    std::vector<std::string> out;
    for (const auto& e : run([&](StoreTransaction& tx) { return tx.query_audit(query); })) {
      out.push_back(e.correlation_id);
    }
    return out;
  };
  using Ids = std::vector<std::string>;
  EXPECT_EQ(ids({}), (Ids{"corr-4", "corr-3", "corr-2", "corr-1"}));  // newest first
  EXPECT_EQ(ids({.tenant_id = 1}), (Ids{"corr-3", "corr-2", "corr-1"}));
  EXPECT_EQ(ids({.since = "2024-05-02T10:00:00.000Z", .until = "2024-05-04T00:00:00.000Z"}),
            (Ids{"corr-3", "corr-2"}));
  EXPECT_EQ(ids({.tenant_id = 1, .activity = "Add user"}), (Ids{"corr-3", "corr-1"}));
  EXPECT_EQ(ids({.category = "Group management"}), (Ids{"corr-4", "corr-2"}));
  EXPECT_EQ(ids({.target = "Sales"}), Ids{"corr-2"});
  EXPECT_EQ(ids({.correlation_id = "corr-3"}), Ids{"corr-3"});
  EXPECT_EQ(ids({.offset = 1, .limit = 2}), (Ids{"corr-3", "corr-2"}));

  auto all = run([](StoreTransaction& tx) { return tx.query_audit({.correlation_id = "corr-1"}); });
  ASSERT_EQ(all.size(), 1u);
  const auto expected = event(1, 1, "Add user", "alice@contoso.example");
  EXPECT_EQ(all[0].id, expected.id);
  EXPECT_EQ(all[0].time, expected.time);
  EXPECT_EQ(all[0].tenant_id, 1);
  EXPECT_EQ(all[0].category, expected.category);
  EXPECT_EQ(all[0].actor, "cli");
  EXPECT_EQ(all[0].result, "success");
  EXPECT_EQ(all[0].support_code, "support-1");
  EXPECT_EQ(all[0].client_ip, "127.0.0.1");
  EXPECT_EQ(all[0].details, expected.details);
}

TEST_P(SociStoreTest, AuditFiltersKeysetPagesStreamAndCounts) {
  auto event = [](int n, std::string activity, std::string actor, std::string target,
                  std::string result) {
    domain::AuditEvent e;
    e.id = "10000000-0000-4000-8000-" + std::to_string(100000000000 + n);
    e.time =
        "2024-05-0" + std::to_string(1 + n / 10) + "T10:00:0" + std::to_string(n % 10) + ".000Z";
    e.tenant_id = 1;
    e.category = "Self-service password management";
    e.activity = std::move(activity);
    e.actor = std::move(actor);
    e.target = std::move(target);
    e.result = std::move(result);
    e.result_reason = e.result == "failure" ? "UserNotLicensed" : "";
    e.correlation_id = "c" + std::to_string(n);
    e.details = {{"n", n}};
    return e;
  };
  run([&](StoreTransaction& tx) {
    for (int n = 0; n < 25; ++n) {
      tx.append_audit(event(n, n % 2 ? "Reset password (self-service)" : "Add user",
                            n % 5 ? "cli" : "alice@x", n % 3 ? "bob@x" : "carol@x",
                            n % 4 ? "success" : "failure"));
    }
  });
  auto corr = [&](AuditQuery query) {
    std::vector<std::string> out;
    for (const auto& e : run([&](StoreTransaction& tx) { return tx.query_audit(query); })) {
      out.push_back(e.correlation_id);
    }
    return out;
  };
  using Ids = std::vector<std::string>;
  // Keyset: the page after the record with seq S holds the records before it.
  auto first = run([&](StoreTransaction& tx) { return tx.query_audit({.limit = 3}); });
  ASSERT_EQ(first.size(), 3u);
  EXPECT_GT(first[0].seq, first[1].seq);
  EXPECT_EQ(corr({.limit = 3, .before_seq = first[2].seq}), (Ids{"c21", "c20", "c19"}));
  // user matches the actor or the target.
  const auto alice_or_carol = corr({.limit = 100, .user = "carol@x"});
  EXPECT_EQ(alice_or_carol, (Ids{"c24", "c21", "c18", "c15", "c12", "c9", "c6", "c3", "c0"}));
  const auto actor_alice = corr({.limit = 100, .user = "alice@x"});
  EXPECT_EQ(actor_alice, (Ids{"c20", "c15", "c10", "c5", "c0"}));
  EXPECT_EQ(corr({.limit = 100, .result = "failure", .activities = {"Add user"}}),
            (Ids{"c24", "c20", "c16", "c12", "c8", "c4", "c0"}));
  const auto all = run([&](StoreTransaction& tx) { return tx.query_audit({.limit = 100}); });
  ASSERT_EQ(all.size(), 25u);
  EXPECT_EQ(corr({.limit = 100,
                  .activities = {"Reset password (self-service)", "None"},
                  .before_seq = all[20].seq}),
            (Ids{"c3", "c1"}));

  // Streaming: oldest first, every match, and it stops when told.
  std::vector<std::string> streamed;
  run([&](StoreTransaction& tx) {
    tx.stream_audit({.since = "2024-05-02T00:00:00.000Z", .limit = 1}, [&](const AuditRow& row) {
      streamed.push_back(row.correlation_id);
      EXPECT_EQ(row.details, "{\"n\":" + row.correlation_id.substr(1) + "}");
      return true;
    });
  });
  Ids expected;
  for (int n = 10; n < 25; ++n) expected.push_back("c" + std::to_string(n));
  EXPECT_EQ(streamed, expected);
  int seen = 0;
  run([&](StoreTransaction& tx) {
    tx.stream_audit({}, [&](const AuditRow&) { return ++seen < 4; });
  });
  EXPECT_EQ(seen, 4);

  // Counts grouped in SQL.
  auto counts = run([&](StoreTransaction& tx) {
    return tx.count_audit({.result = "failure"},
                          {AuditColumn::kDay, AuditColumn::kActivity, AuditColumn::kResultReason});
  });
  ASSERT_EQ(counts.size(), 3u);
  EXPECT_EQ(counts[0].keys,
            (std::vector<std::string>{"2024-05-01", "Add user", "UserNotLicensed"}));
  EXPECT_EQ(counts[0].count, 3);  // c0, c4, c8
  EXPECT_EQ(counts[1].keys[0], "2024-05-02");
  EXPECT_EQ(counts[1].count, 2);  // c12, c16
  EXPECT_EQ(counts[2].count, 2);  // c20, c24
  auto by_actor = run([&](StoreTransaction& tx) {
    return tx.count_audit({.tenant_id = 1}, {AuditColumn::kActor});
  });
  ASSERT_EQ(by_actor.size(), 2u);
  EXPECT_EQ(by_actor[0].keys[0], "alice@x");
  EXPECT_EQ(by_actor[0].count, 5);
  EXPECT_EQ(by_actor[1].count, 20);
}

// A self-service record's actor is its target; the actor index leaves such records out
// (migration 0014), and the user filter still finds every record a user made or is about.
TEST_P(SociStoreTest, AuditUserFilterFindsWhatTheUserDidAndWhatWasDoneToThem) {
  const std::pair<const char*, const char*> actor_target[] = {
      {"dave@x", "dave@x"}, {"dave@x", "erin@x"}, {"frank@x", "dave@x"}, {"frank@x", "erin@x"}};
  run([&](StoreTransaction& tx) {
    int n = 0;
    for (const auto& [actor, target] : actor_target) {
      domain::AuditEvent e;
      e.id = "20000000-0000-7000-8000-00000000000" + std::to_string(n);
      e.time = "2024-05-01T10:00:0" + std::to_string(n) + ".000Z";
      e.tenant_id = 1;
      e.category = "Self-service password management";
      e.activity = "Self-service password reset flow activity progress";
      e.actor = actor;
      e.target = target;
      e.result = "success";
      e.correlation_id = "r" + std::to_string(n++);
      tx.append_audit(e);
    }
  });
  auto corr = [&](const std::string& user) {
    std::vector<std::string> out;
    const AuditQuery query{.limit = 100, .user = user};
    for (const auto& e : run([&](StoreTransaction& tx) { return tx.query_audit(query); })) {
      out.push_back(e.correlation_id);
    }
    return out;
  };
  using Ids = std::vector<std::string>;
  EXPECT_EQ(corr("dave@x"), (Ids{"r2", "r1", "r0"}));
  EXPECT_EQ(corr("erin@x"), (Ids{"r3", "r1"}));
  EXPECT_EQ(corr("frank@x"), (Ids{"r3", "r2"}));
  EXPECT_EQ(corr("nobody@x"), Ids{});
}

TEST_P(SociStoreTest, AnErrorStatusRollsEverythingBack) {
  Status status = store_->transact([&](StoreTransaction& tx) -> Status {
    auto tenant = tx.insert_tenant("Contoso", kNow);
    tx.insert_domain(tenant, "contoso.example");
    tx.insert_user(make_user(tenant, "alice@contoso.example"), kNow);
    return domain::errors::forbidden("changed my mind");
  });
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().kind, ErrorKind::kForbidden);
  EXPECT_TRUE(run([](StoreTransaction& tx) { return tx.list_tenants(); }).empty());
  EXPECT_FALSE(
      run([](StoreTransaction& tx) { return tx.find_user_by_upn("alice@contoso.example"); }));
}

TEST_P(SociStoreTest, ADatabaseFailureRollsBackAndTheStoreStaysUsable) {
  auto tenant = add_tenant("Contoso", "contoso.example");
  add_user(tenant, "alice@contoso.example");
  Status status = store_->transact([&](StoreTransaction& tx) {
    tx.insert_user(make_user(tenant, "bob@contoso.example"), kNow);
    tx.insert_user(make_user(tenant, "alice@contoso.example"), kNow);  // violates UNIQUE
    return ok_status();
  });
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().kind, ErrorKind::kUnavailable);
  EXPECT_EQ(status.error().name, "StoreUnavailable");
  EXPECT_FALSE(
      run([](StoreTransaction& tx) { return tx.find_user_by_upn("bob@contoso.example"); }));
  for (int i = 0; i < 6; ++i) {  // more than the pool: every session is still healthy
    EXPECT_EQ(run([&](StoreTransaction& tx) { return tx.count_users(tenant); }), 1u);
  }
  EXPECT_TRUE(store_->ping());
}

TEST_P(SociStoreTest, DataPersistsAcrossReopen) {
  auto tenant = add_tenant("Contoso", "contoso.example");
  auto alice = add_user(tenant, "alice@contoso.example");
  run([&](StoreTransaction& tx) { tx.assign_role(alice, "global_administrator"); });
  reopen();
  auto found =
      run([](StoreTransaction& tx) { return tx.find_user_by_upn("alice@contoso.example"); });
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, alice);
  EXPECT_EQ(run([&](StoreTransaction& tx) { return tx.roles_of_user(alice); }),
            std::vector<std::string>{"global_administrator"});
}

TEST_P(SociStoreTest, ConcurrentWritersAllSucceed) {
  auto tenant = add_tenant("Contoso", "contoso.example");
  std::atomic<int> failures{0};
  std::vector<std::thread> writers;
  for (int w = 0; w < 4; ++w) {
    writers.emplace_back([&, w] {
      for (int i = 0; i < 15; ++i) {
        Status status = store_->transact([&](StoreTransaction& tx) {
          tx.count_users(tenant);  // read first, then write: must not deadlock on SQLite
          tx.insert_user(
              make_user(tenant, "w" + std::to_string(w) + "u" + std::to_string(i) + "@c.example"),
              kNow);
          return ok_status();
        });
        if (!status.ok()) ++failures;
      }
    });
  }
  for (auto& writer : writers) writer.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(run([&](StoreTransaction& tx) { return tx.count_users(tenant); }), 60u);
}

INSTANTIATE_TEST_SUITE_P(Backends, SociStoreTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

TEST(OpenStoreTest, AnUnknownSchemeIsBadInputWithoutTheRestOfTheUrl) {
  auto opened = open_store({.db_url = "mysql://root:secret@localhost/db"});
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().kind, ErrorKind::kBadInput);
  EXPECT_EQ(opened.error().technical.find("secret"), std::string::npos);
}

TEST(OpenStoreTest, AnUnreachablePostgresqlIsUnavailableWithoutThePassword) {
  auto opened = open_store(
      {.db_url = "postgresql://sspr:hunter2@127.0.0.1:1/none?connect_timeout=2", .pool_size = 1});
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().kind, ErrorKind::kUnavailable);
  EXPECT_EQ(opened.error().technical.find("hunter2"), std::string::npos);
}

TEST(OpenStoreTest, AnEmptyUrlMeansSqliteInAPrivateDataDir) {
  const auto root = std::filesystem::temp_directory_path() / ("sspr_open_" + unique_suffix());
  const auto data_dir = root / "nested" / "data";
  auto opened = open_store({.db_url = "", .data_dir = data_dir.string(), .pool_size = 2});
  ASSERT_TRUE(opened.ok()) << opened.error().technical;
  EXPECT_EQ((*opened)->backend(), "sqlite");
  EXPECT_TRUE(std::filesystem::exists(data_dir / "sspr.db"));
  struct stat info {};
  ASSERT_EQ(::stat(data_dir.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0700u);
  opened = domain::errors::internal("closed");
  std::filesystem::remove_all(root);
}

TEST(MigrationStatementsTest, SplitsDropsCommentsAndFillsTheIdPlaceholder) {
  const std::string sql =
      "-- a comment; with a semicolon\nCREATE TABLE t (\n  id {{ID}},\n  x TEXT\n);\n"
      "CREATE INDEX i ON t (x);\n";
  auto sqlite = migration_statements(sql, SqlBackend::kSqlite);
  ASSERT_EQ(sqlite.size(), 2u);
  EXPECT_NE(sqlite[0].find("id INTEGER PRIMARY KEY AUTOINCREMENT,"), std::string::npos);
  EXPECT_EQ(sqlite[0].find("comment"), std::string::npos);
  auto postgresql = migration_statements(sql, SqlBackend::kPostgresql);
  EXPECT_NE(postgresql[0].find("id BIGSERIAL PRIMARY KEY,"), std::string::npos);
}

TEST(MigrationStatementsTest, FileNamesNeedDistinctVersions) {
  EXPECT_FALSE(parse_migrations({{"directory.sql", ""}}).ok());
  EXPECT_FALSE(parse_migrations({{"0001_a.sql", ""}, {"1_b.sql", ""}}).ok());
  auto parsed = parse_migrations({{"0002_b.sql", "y"}, {"0001_a.sql", "x"}});
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ((*parsed)[0].version, 1);
  EXPECT_EQ((*parsed)[1].name, "0002_b.sql");
}

}  // namespace
}  // namespace sspr::store
