#pragma once
// What a user's direct groups confer through nesting, for the tenant-wide evaluations
// (tenant findings, the registration report): whether the policy's group reaches the user
// (scope of SPEC §4 check 3) and whether group licences grant SSPR to cloud or synced users.
// Each group is resolved once and remembered. Pure.

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/eligibility/tenant_findings.h"
#include "domain/group_graph.h"

namespace sspr::domain::eligibility {

struct GroupReach {
  bool in_scope = false;  // the policy's group is this group or contains it
  bool grants_cloud = false;
  bool grants_synced = false;
};

class GroupReachIndex {
 public:
  // `scoped`: the policy's group, nullopt when no group scopes the policy.
  GroupReachIndex(const TenantFacts& facts, std::optional<GroupId> scoped);

  const GroupReach& of(GroupId group);
  // The union over a user's direct groups.
  GroupReach of_all(const std::vector<GroupId>& direct_groups);

 private:
  GroupGraph graph_;
  std::optional<GroupId> scoped_;
  std::unordered_map<GroupId, std::vector<std::string>> skus_;
  std::unordered_map<GroupId, GroupReach> memo_;
};

}  // namespace sspr::domain::eligibility
