#pragma once
// The sync plan (SPEC §9, issue 6): the difference between what the on-premises directory
// holds now and the synced users and groups the store keeps, matched by anchor (entryUUID /
// objectGUID, so a renamed or moved entry is the same object).
//
//  - an entry seen and not stored                 → create (users before groups)
//  - an entry seen and stored, something differs  → update (DN, UPN, names, email, enabled,
//                                                   the methods sync owns)
//  - a stored object whose anchor the directory no longer lists (deleted, moved out of the
//    base DN, or no longer matching the filter)   → delete locally (with its methods and
//                                                   memberships): the directory is the source
//  - a disabled entry                             → kept, enabled = false (counted "disabled"
//                                                   when it was enabled)
// An incremental run sees only the entries changed since the watermark but always the full
// list of anchors, so deletions are found on every run.
//
// Methods: sync owns the mobile phone, office phone and email it put there (source "sync"). A
// method the user or an administrator registered is never replaced or removed by sync; a
// sync-owned one follows the directory (changed, or removed when the attribute is cleared).
//
// Membership: a group's `member` DNs are resolved against every synced user and group (by
// normalized DN); unknown DNs (outside the base DN, not matching the filters) are ignored and
// counted; a group listing itself is ignored. Groups may contain groups to any depth and in
// cycles: the store keeps direct edges only and every transitive walk visits a group once.

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "domain/group.h"
#include "domain/methods/method_type.h"
#include "domain/methods/registered_method.h"
#include "domain/onprem/synced_objects.h"
#include "domain/user.h"

namespace sspr::domain::onprem {

// A method of a synced user as stored.
struct StoredMethod {
  methods::MethodType type = methods::MethodType::kEmail;
  std::string value;
  std::string extension;
  methods::MethodSource source = methods::MethodSource::kSync;
};

struct StoredSyncedUser {
  UserId id = 0;
  SyncedUser values;  // mobile_phone / office_phone / office_extension unused: see methods
  std::vector<StoredMethod> methods;
};

using MemberRef = std::pair<MemberKind, std::int64_t>;

struct StoredSyncedGroup {
  GroupId id = 0;
  std::string anchor;
  std::string dn;
  std::string name;
  std::vector<MemberRef> members;  // direct members, any order
};

// What the directory holds now: the entries read (all of them, or those changed since the
// watermark) and every anchor it lists.
struct DirectorySnapshot {
  std::vector<SyncedUser> users;
  std::vector<SyncedGroup> groups;
  std::unordered_set<std::string> present_anchors;
};

struct MethodChange {
  methods::MethodType type = methods::MethodType::kEmail;
  bool remove = false;
  std::string value;  // when !remove
  std::string extension;
};

struct UserUpdate {
  UserId id = 0;
  SyncedUser user;
  bool fields_changed = false;  // the users row itself
  bool disabled_now = false;    // was enabled, now disabled
  std::vector<MethodChange> methods;
};

struct GroupUpdate {
  GroupId id = 0;
  SyncedGroup group;
  bool fields_changed = false;     // name or DN
  std::vector<MemberRef> members;  // as stored, to compare with the resolved ones
};

struct SyncPlan {
  std::vector<SyncedUser> users_to_create;
  std::vector<UserUpdate> users_to_update;
  std::vector<UserId> users_to_delete;
  std::size_t users_unchanged = 0;
  std::vector<SyncedGroup> groups_to_create;
  std::vector<GroupUpdate> groups_to_update;  // name or DN changed, or members to resolve
  std::vector<GroupId> groups_to_delete;
};

// The methods sync should write for `wanted`, given what the user has on file.
std::vector<MethodChange> method_changes(const SyncedUser& wanted,
                                         const std::vector<StoredMethod>& stored);

SyncPlan plan_sync(const DirectorySnapshot& directory, const std::vector<StoredSyncedUser>& users,
                   const std::vector<StoredSyncedGroup>& groups);

// A group's members resolved by DN (normalized_dn → member); `unknown` counts DNs that are no
// synced object. The group itself is never its own member.
struct ResolvedMembers {
  std::vector<MemberRef> members;  // sorted, each once
  std::size_t unknown = 0;
};
ResolvedMembers resolve_members(const SyncedGroup& group, GroupId self,
                                const std::unordered_map<std::string, MemberRef>& by_dn);

// Whether two member lists hold the same members (any order).
bool same_members(std::vector<MemberRef> a, std::vector<MemberRef> b);

}  // namespace sspr::domain::onprem
