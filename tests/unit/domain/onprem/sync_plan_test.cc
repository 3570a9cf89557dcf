#include "domain/onprem/sync_plan.h"

#include <gtest/gtest.h>

#include "domain/group_graph.h"

namespace sspr::domain::onprem {
namespace {

using methods::MethodSource;
using methods::MethodType;

SyncedUser user(const std::string& name) {
  SyncedUser u;
  u.anchor = "uuid-" + name;
  u.dn = "uid=" + name + ",dc=contoso,dc=example";
  u.upn = name + "@contoso.example";
  u.display_name = name;
  u.email = name + "@contoso.example";
  u.mobile_phone = "+14255550100";
  return u;
}

StoredSyncedUser stored(UserId id, const SyncedUser& u) {
  StoredSyncedUser s{id, u, {}};
  s.methods.push_back({MethodType::kMobilePhone, u.mobile_phone, "", MethodSource::kSync});
  s.methods.push_back({MethodType::kEmail, u.email, "", MethodSource::kSync});
  return s;
}

TEST(SyncPlan, CreatesUpdatesDisablesAndDeletesByAnchor) {
  auto alice = user("alice");
  auto bob = user("bob");
  auto carol = user("carol");
  auto dave = user("dave");
  DirectorySnapshot directory;
  auto changed_bob = bob;
  changed_bob.mobile_phone = "+14255550199";
  auto disabled_carol = carol;
  disabled_carol.enabled = false;
  directory.users = {alice, changed_bob, disabled_carol, dave};
  for (const auto& u : directory.users) directory.present_anchors.insert(u.anchor);
  // eve was synced before and is gone from the directory.
  std::vector<StoredSyncedUser> users{stored(2, bob), stored(3, carol), stored(4, dave),
                                      stored(5, user("eve"))};
  auto plan = plan_sync(directory, users, {});
  ASSERT_EQ(plan.users_to_create.size(), 1u);
  EXPECT_EQ(plan.users_to_create[0].upn, "alice@contoso.example");
  ASSERT_EQ(plan.users_to_update.size(), 2u);
  EXPECT_EQ(plan.users_to_update[0].id, 2);
  EXPECT_FALSE(plan.users_to_update[0].fields_changed);
  ASSERT_EQ(plan.users_to_update[0].methods.size(), 1u);
  EXPECT_EQ(plan.users_to_update[0].methods[0].value, "+14255550199");
  EXPECT_EQ(plan.users_to_update[1].id, 3);
  EXPECT_TRUE(plan.users_to_update[1].fields_changed);
  EXPECT_TRUE(plan.users_to_update[1].disabled_now);
  EXPECT_EQ(plan.users_unchanged, 1u);
  EXPECT_EQ(plan.users_to_delete, std::vector<UserId>{5});
}

TEST(SyncPlan, AnIncrementalRunDeletesOnlyWhatTheDirectoryNoLongerLists) {
  auto bob = user("bob");
  DirectorySnapshot directory;  // nothing changed since the watermark
  directory.present_anchors = {bob.anchor};
  auto plan = plan_sync(directory, {stored(2, bob), stored(5, user("eve"))}, {});
  EXPECT_TRUE(plan.users_to_create.empty());
  EXPECT_TRUE(plan.users_to_update.empty());
  EXPECT_EQ(plan.users_to_delete, std::vector<UserId>{5});
}

TEST(SyncPlan, ARenamedEntryIsTheSameUser) {
  auto bob = user("bob");
  auto moved = bob;
  moved.dn = "uid=bob,ou=elsewhere,dc=contoso,dc=example";
  DirectorySnapshot directory{{moved}, {}, {bob.anchor}};
  auto plan = plan_sync(directory, {stored(2, bob)}, {});
  EXPECT_TRUE(plan.users_to_create.empty());
  EXPECT_TRUE(plan.users_to_delete.empty());
  ASSERT_EQ(plan.users_to_update.size(), 1u);
  EXPECT_TRUE(plan.users_to_update[0].fields_changed);
}

TEST(MethodChanges, SyncNeverReplacesWhatAUserOrAnAdministratorRegistered) {
  auto wanted = user("alice");
  wanted.office_phone = "+14255550111";
  std::vector<StoredMethod> on_file{
      {MethodType::kMobilePhone, "+4520123456", "", MethodSource::kUser},
      {MethodType::kEmail, "old@contoso.example", "", MethodSource::kSync},
      {MethodType::kOfficePhone, "+14255550000", "", MethodSource::kAdmin}};
  auto changes = method_changes(wanted, on_file);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].type, MethodType::kEmail);
  EXPECT_EQ(changes[0].value, "alice@contoso.example");
}

TEST(MethodChanges, AClearedAttributeRemovesTheSyncedMethodOnly) {
  auto wanted = user("alice");
  wanted.mobile_phone = "";
  wanted.email = "";
  std::vector<StoredMethod> on_file{
      {MethodType::kMobilePhone, "+14255550100", "", MethodSource::kSync},
      {MethodType::kEmail, "mine@example.org", "", MethodSource::kUser}};
  auto changes = method_changes(wanted, on_file);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].type, MethodType::kMobilePhone);
  EXPECT_TRUE(changes[0].remove);
}

TEST(SyncPlan, GroupsCreatedUpdatedAndDeleted) {
  SyncedGroup staff{"uuid-staff", "cn=staff,dc=contoso,dc=example", "Staff", {}};
  SyncedGroup renamed{"uuid-eng", "cn=eng,dc=contoso,dc=example", "Engineering", {}};
  DirectorySnapshot directory{{}, {staff, renamed}, {"uuid-staff", "uuid-eng"}};
  std::vector<StoredSyncedGroup> groups{{7, "uuid-eng", "cn=eng,dc=contoso,dc=example", "Eng", {}},
                                        {8, "uuid-old", "cn=old,dc=contoso,dc=example", "Old", {}}};
  auto plan = plan_sync(directory, {}, groups);
  ASSERT_EQ(plan.groups_to_create.size(), 1u);
  EXPECT_EQ(plan.groups_to_create[0].name, "Staff");
  ASSERT_EQ(plan.groups_to_update.size(), 1u);
  EXPECT_EQ(plan.groups_to_update[0].id, 7);
  EXPECT_TRUE(plan.groups_to_update[0].fields_changed);
  EXPECT_EQ(plan.groups_to_delete, std::vector<GroupId>{8});
}

TEST(ResolveMembers, UsersAndNestedGroupsByDnUnknownOnesCountedSelfIgnored) {
  std::unordered_map<std::string, MemberRef> by_dn{
      {"uid=alice,dc=contoso,dc=example", {MemberKind::kUser, 1}},
      {"cn=inner,dc=contoso,dc=example", {MemberKind::kGroup, 20}},
      {"cn=outer,dc=contoso,dc=example", {MemberKind::kGroup, 10}}};
  SyncedGroup outer{"uuid-outer",
                    "cn=outer,dc=contoso,dc=example",
                    "Outer",
                    {"cn=inner,dc=contoso,dc=example", "cn=outer,dc=contoso,dc=example",
                     "uid=nobody,dc=contoso,dc=example"}};
  auto resolved = resolve_members(outer, 10, by_dn);
  EXPECT_EQ(resolved.members, (std::vector<MemberRef>{{MemberKind::kGroup, 20}}));
  EXPECT_EQ(resolved.unknown, 1u);
  EXPECT_TRUE(same_members({{MemberKind::kUser, 1}, {MemberKind::kGroup, 2}},
                           {{MemberKind::kGroup, 2}, {MemberKind::kUser, 1}}));
  EXPECT_FALSE(same_members({{MemberKind::kUser, 1}}, {}));
}

TEST(ResolveMembers, NestedGroupsInACycleStillResolveTransitively) {
  // alice is in inner; inner is in outer; outer is in inner (a cycle in the directory).
  std::unordered_map<std::string, MemberRef> by_dn{
      {"uid=alice,dc=contoso,dc=example", {MemberKind::kUser, 1}},
      {"cn=inner,dc=contoso,dc=example", {MemberKind::kGroup, 20}},
      {"cn=outer,dc=contoso,dc=example", {MemberKind::kGroup, 10}}};
  SyncedGroup inner{"uuid-inner",
                    "cn=inner,dc=contoso,dc=example",
                    "Inner",
                    {"uid=alice,dc=contoso,dc=example", "cn=outer,dc=contoso,dc=example"}};
  SyncedGroup outer{
      "uuid-outer", "cn=outer,dc=contoso,dc=example", "Outer", {"cn=inner,dc=contoso,dc=example"}};
  std::vector<GroupGraph::Edge> edges;
  std::vector<GroupId> direct_of_alice;
  for (auto [group, id] : {std::pair{&inner, GroupId{20}}, std::pair{&outer, GroupId{10}}}) {
    for (auto [kind, member] : resolve_members(*group, id, by_dn).members) {
      if (kind == MemberKind::kGroup) edges.push_back({member, id});
      if (kind == MemberKind::kUser && member == 1) direct_of_alice.push_back(id);
    }
  }
  GroupGraph graph(edges);
  auto groups = graph.transitive_groups(direct_of_alice);
  std::sort(groups.begin(), groups.end());
  EXPECT_EQ(groups, (std::vector<GroupId>{10, 20}));
  EXPECT_TRUE(graph.reaches(direct_of_alice, 10));
}

}  // namespace
}  // namespace sspr::domain::onprem
