// OnPremisesSync against the real store (temporary SQLite) with a fake directory reader that
// answers each query from a list of entries (filtering by the query's kind only; the disabled
// users' query gets the users with ppolicy's permanent lock).
#include "flows/onprem/onprem_sync.h"

#include <gtest/gtest.h>

#include <optional>
#include <utility>

#include "domain/onprem/writeback_errors.h"
#include "flows/directory_test.h"
#include "flows/onprem/onprem_connections.h"

namespace sspr::flows::onprem {
namespace {

using domain::onprem::DirectoryEntry;

class FakeReader final : public OnPremisesDirectoryReader {
 public:
  domain::Status read(const domain::onprem::ConnectionSettings&,
                      const std::vector<DirectoryQuery>& queries,
                      const std::function<void(std::size_t, DirectoryEntry&&)>& sink) override {
    if (!answer) return answer;
    filters.clear();
    for (std::size_t i = 0; i < queries.size(); ++i) {
      filters.push_back(queries[i].filter);
      const bool groups = queries[i].filter.find("groupOfNames") != std::string::npos;
      const bool disabled = queries[i].filter.find("pwdAccountLockedTime") != std::string::npos;
      for (const auto& entry : groups ? group_entries : user_entries) {
        if (disabled && entry.first("pwdAccountLockedTime") != "000001010000Z") continue;
        DirectoryEntry copy = entry;
        sink(i, std::move(copy));
      }
    }
    return domain::ok_status();
  }
  std::vector<DirectoryEntry> user_entries;
  std::vector<DirectoryEntry> group_entries;
  std::vector<std::string> filters;
  domain::Status answer = domain::ok_status();
};

DirectoryEntry person(const std::string& uid, const std::string& mobile = "") {
  DirectoryEntry entry("uid=" + uid + ",dc=contoso,dc=example");
  entry.add("entryUUID", "uuid-" + uid);
  entry.add("mail", uid + "@contoso.example");
  entry.add("cn", uid);
  entry.add("modifyTimestamp", "20261123101500Z");
  if (!mobile.empty()) entry.add("mobile", mobile);
  return entry;
}

DirectoryEntry group(const std::string& name, const std::vector<std::string>& members) {
  DirectoryEntry entry("cn=" + name + ",dc=contoso,dc=example");
  entry.add("entryUUID", "uuid-" + name);
  entry.add("cn", name);
  entry.add("modifyTimestamp", "20261123101600Z");
  for (const auto& member : members) entry.add("member", member);
  return entry;
}

class OnPremisesSyncTest : public DirectoryTest {
 protected:
  void SetUp() override {
    DirectoryTest::SetUp();
    if (HasFatalFailure()) return;
    connections_ = std::make_unique<OnPremisesConnections>(*store_, clock_, random_, connector_);
    sync_ = std::make_unique<OnPremisesSync>(*store_, clock_, random_, reader_);
    ASSERT_TRUE(connections_
                    ->set(op_, ctx_,
                          {.tenant = tenant_,
                           .url = "ldap://127.0.0.1:3890",
                           .bind_dn = "cn=sspr-service,dc=contoso,dc=example",
                           .bind_password_file = "/run/sspr/ldap-password",
                           .base_dn = "dc=contoso,dc=example",
                           .starttls = true,
                           .ca_file = "",
                           .timeout_seconds = 10,
                           .updated_at = "",
                           .upn_attribute = "",
                           .disabled_filter = "",
                           .managed_by_config = false})
                    .ok());
  }
  void TearDown() override {
    sync_.reset();
    connections_.reset();
    DirectoryTest::TearDown();
  }
  // Runs `read` in a read-only transaction and returns what it returned.
  template <typename Read>
  auto store_read(Read read) {
    std::optional<decltype(read(std::declval<store::StoreTransaction&>()))> out;
    EXPECT_TRUE(store_
                    ->read([&](store::StoreTransaction& tx) {
                      out = read(tx);
                      return domain::ok_status();
                    })
                    .ok());
    return *out;
  }
  class NoConnector final : public OnPremisesConnector {
    domain::Status test(const domain::onprem::ConnectionSettings&) override {
      return domain::ok_status();
    }
    domain::Status set_password(const domain::onprem::ConnectionSettings&, const std::string&,
                                const std::string&) override {
      return domain::ok_status();
    }
    domain::Status unlock(const domain::onprem::ConnectionSettings&, const std::string&) override {
      return domain::ok_status();
    }
  };
  NoConnector connector_;
  FakeReader reader_;
  std::unique_ptr<OnPremisesConnections> connections_;
  std::unique_ptr<OnPremisesSync> sync_;
};

TEST_F(OnPremisesSyncTest, FullThenIncrementalWithNestedGroupsAndADeletion) {
  reader_.user_entries = {person("alice", "+14255550100"), person("bob")};
  reader_.group_entries = {
      group("Inner", {"uid=bob,dc=contoso,dc=example"}),
      group("Outer", {"UID=Alice, DC=contoso, DC=example", "cn=Inner,dc=contoso,dc=example",
                      "cn=Outer,dc=contoso,dc=example"})};
  auto first = sync_->run(op_, ctx_, tenant_, {});
  ASSERT_TRUE(first.ok()) << first.error().technical;
  EXPECT_TRUE(first->full);
  EXPECT_EQ(first->users_created, 2u);
  EXPECT_EQ(first->groups_created, 2u);
  EXPECT_EQ(first->memberships, 3u);
  EXPECT_EQ(first->watermark, "20261123101600Z");
  EXPECT_EQ(reader_.filters.size(), 3u);  // disabled users, users, groups

  auto bob = store_read(
      [&](store::StoreTransaction& tx) { return tx.find_user_by_upn("bob@contoso.example"); });
  ASSERT_TRUE(bob.has_value());
  EXPECT_EQ(bob->source, domain::UserSource::kSynced);
  auto outer = store_read(
      [&](store::StoreTransaction& tx) { return tx.find_group_by_name(tenant_, "Outer"); });
  ASSERT_TRUE(outer.has_value());
  EXPECT_TRUE(store_read(
      [&](store::StoreTransaction& tx) { return tx.is_transitive_member(bob->id, outer->id); }));

  // bob is gone; the next run is incremental and reads the anchors as well.
  reader_.user_entries = {person("alice", "+14255550199")};
  reader_.group_entries = {group("Outer", {"uid=alice,dc=contoso,dc=example"}), group("Inner", {})};
  auto second = sync_->run(op_, ctx_, tenant_, {});
  ASSERT_TRUE(second.ok()) << second.error().technical;
  EXPECT_FALSE(second->full);
  EXPECT_EQ(reader_.filters.size(), 5u);  // and the anchors of users and groups
  EXPECT_EQ(reader_.filters[0].find("modifyTimestamp"), std::string::npos);
  EXPECT_NE(reader_.filters[1].find("modifyTimestamp>=20261123101600Z"), std::string::npos);
  EXPECT_EQ(second->users_deleted, 1u);
  EXPECT_EQ(second->users_updated, 1u);
  EXPECT_EQ(second->groups_updated, 2u);
  EXPECT_FALSE(store_read([&](store::StoreTransaction& tx) {
                 return tx.find_user_by_upn("bob@contoso.example");
               }).has_value());
  auto events = audit_of("Synchronize from on-premises directory");
  EXPECT_EQ(events.size(), 2u);
}

TEST_F(OnPremisesSyncTest, UsersMatchingTheDisabledFilterAreDisabled) {
  auto carol = person("carol");
  carol.add("pwdAccountLockedTime", "000001010000Z");
  auto dave = person("dave");
  dave.add("pwdAccountLockedTime", "20261123101500Z");  // a temporary lockout
  reader_.user_entries = {person("alice"), carol, dave};
  auto first = sync_->run(op_, ctx_, tenant_, {});
  ASSERT_TRUE(first.ok()) << first.error().technical;
  EXPECT_EQ(reader_.filters[0],
            "(&(objectClass=inetOrgPerson)(pwdAccountLockedTime=000001010000Z))");
  auto enabled = [&](const std::string& upn) {
    return store_read([&](store::StoreTransaction& tx) { return tx.find_user_by_upn(upn); })
        ->enabled;
  };
  EXPECT_TRUE(enabled("alice@contoso.example"));
  EXPECT_FALSE(enabled("carol@contoso.example"));
  EXPECT_TRUE(enabled("dave@contoso.example"));

  // Carol is unlocked: she is read again (her watermark moved) and enabled.
  reader_.user_entries = {person("alice"), person("carol"), dave};
  auto second = sync_->run(op_, ctx_, tenant_, {.full = true});
  ASSERT_TRUE(second.ok()) << second.error().technical;
  EXPECT_TRUE(enabled("carol@contoso.example"));
}

TEST_F(OnPremisesSyncTest, TheConnectionsDisabledFilterIsAskedInsteadOfTheDefault) {
  auto settings = connections_->show(op_, tenant_);
  ASSERT_TRUE(settings.ok() && settings->has_value());
  auto changed = **settings;
  changed.disabled_filter = "(employeeStatus=left)";
  ASSERT_TRUE(connections_->set(op_, ctx_, changed).ok());
  reader_.user_entries = {person("alice")};
  ASSERT_TRUE(sync_->run(op_, ctx_, tenant_, {}).ok());
  EXPECT_EQ(reader_.filters[0], "(&(objectClass=inetOrgPerson)(employeeStatus=left))");
}

TEST_F(OnPremisesSyncTest, AnUnreachableDirectoryIsRecordedAndNothingChanges) {
  reader_.answer = domain::onprem::connectivity_error("connect failed");
  auto run = sync_->run(op_, ctx_, tenant_, {});
  ASSERT_FALSE(run.ok());
  EXPECT_EQ(run.error().code, "SSPR_0030");
  auto status = connections_->status(op_, tenant_);
  ASSERT_TRUE(status.ok() && status->has_value());
  EXPECT_EQ((*status)->state, domain::onprem::ConnectionState::kUnreachable);
  auto events = audit_of("Synchronize from on-premises directory");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].result, "failure");
}

}  // namespace
}  // namespace sspr::flows::onprem
