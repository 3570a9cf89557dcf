#include "domain/onprem/sync_plan.h"

#include <algorithm>

namespace sspr::domain::onprem {

using methods::MethodSource;
using methods::MethodType;

namespace {

void method_change(MethodType type, const std::string& value, const std::string& extension,
                   const std::vector<StoredMethod>& stored, std::vector<MethodChange>& out) {
  auto found = std::find_if(stored.begin(), stored.end(),
                            [type](const StoredMethod& m) { return m.type == type; });
  if (found != stored.end() && found->source != MethodSource::kSync) return;  // user's or admin's
  if (value.empty()) {
    if (found != stored.end()) out.push_back({type, true, "", ""});
    return;
  }
  if (found != stored.end() && found->value == value && found->extension == extension) return;
  out.push_back({type, false, value, extension});
}

bool same_fields(const SyncedUser& a, const SyncedUser& b) {
  return a.anchor == b.anchor && a.dn == b.dn && a.upn == b.upn &&
         a.display_name == b.display_name && a.given_name == b.given_name &&
         a.surname == b.surname && a.email == b.email && a.enabled == b.enabled;
}

}  // namespace

std::vector<MethodChange> method_changes(const SyncedUser& wanted,
                                         const std::vector<StoredMethod>& stored) {
  std::vector<MethodChange> out;
  method_change(MethodType::kMobilePhone, wanted.mobile_phone, "", stored, out);
  method_change(MethodType::kOfficePhone, wanted.office_phone, wanted.office_extension, stored,
                out);
  method_change(MethodType::kEmail, wanted.email, "", stored, out);
  return out;
}

SyncPlan plan_sync(const DirectorySnapshot& directory, const std::vector<StoredSyncedUser>& users,
                   const std::vector<StoredSyncedGroup>& groups) {
  SyncPlan plan;
  std::unordered_map<std::string, const StoredSyncedUser*> user_by_anchor;
  for (const auto& user : users) user_by_anchor.emplace(user.values.anchor, &user);
  std::unordered_map<std::string, const StoredSyncedGroup*> group_by_anchor;
  for (const auto& group : groups) group_by_anchor.emplace(group.anchor, &group);

  std::unordered_set<std::string> seen;
  for (const auto& user : directory.users) {
    if (!seen.insert(user.anchor).second) continue;  // the same entry twice: the first counts
    auto found = user_by_anchor.find(user.anchor);
    if (found == user_by_anchor.end()) {
      plan.users_to_create.push_back(user);
      continue;
    }
    const auto& stored = *found->second;
    UserUpdate update{stored.id, user, !same_fields(user, stored.values),
                      stored.values.enabled && !user.enabled, method_changes(user, stored.methods)};
    if (!update.fields_changed && update.methods.empty()) {
      ++plan.users_unchanged;
    } else {
      plan.users_to_update.push_back(std::move(update));
    }
  }
  for (const auto& user : users) {
    if (!directory.present_anchors.contains(user.values.anchor)) {
      plan.users_to_delete.push_back(user.id);
    }
  }

  seen.clear();
  for (const auto& group : directory.groups) {
    if (!seen.insert(group.anchor).second) continue;
    auto found = group_by_anchor.find(group.anchor);
    if (found == group_by_anchor.end()) {
      plan.groups_to_create.push_back(group);
    } else {
      // Members can only be compared once new users and groups have ids: the flow resolves
      // them and writes only what differs.
      const auto& stored = *found->second;
      plan.groups_to_update.push_back(
          {stored.id, group, stored.name != group.name || stored.dn != group.dn, stored.members});
    }
  }
  for (const auto& group : groups) {
    if (!directory.present_anchors.contains(group.anchor)) {
      plan.groups_to_delete.push_back(group.id);
    }
  }
  return plan;
}

ResolvedMembers resolve_members(const SyncedGroup& group, GroupId self,
                                const std::unordered_map<std::string, MemberRef>& by_dn) {
  ResolvedMembers out;
  for (const auto& dn : group.member_dns) {
    auto found = by_dn.find(dn);
    if (found == by_dn.end()) {
      ++out.unknown;
      continue;
    }
    if (found->second == MemberRef{MemberKind::kGroup, self}) continue;
    out.members.push_back(found->second);
  }
  std::sort(out.members.begin(), out.members.end());
  out.members.erase(std::unique(out.members.begin(), out.members.end()), out.members.end());
  return out;
}

bool same_members(std::vector<MemberRef> a, std::vector<MemberRef> b) {
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  return a == b;
}

}  // namespace sspr::domain::onprem
