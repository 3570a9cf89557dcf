#include "domain/eligibility/group_reach.h"

#include "domain/license_sku.h"

namespace sspr::domain::eligibility {

GroupReachIndex::GroupReachIndex(const TenantFacts& facts, std::optional<GroupId> scoped)
    : graph_(facts.group_edges), scoped_(scoped) {
  for (const auto& license : facts.group_licenses) skus_[license.group].push_back(license.sku);
}

const GroupReach& GroupReachIndex::of(GroupId group) {
  auto found = memo_.find(group);
  if (found != memo_.end()) return found->second;
  GroupReach reach;
  const GroupId direct[] = {group};
  for (GroupId reached : graph_.transitive_groups(direct)) {
    if (scoped_ && reached == *scoped_) reach.in_scope = true;
    auto skus = skus_.find(reached);
    if (skus == skus_.end()) continue;
    reach.grants_cloud |= grants_sspr(skus->second, UserSource::kCloud);
    reach.grants_synced |= grants_sspr(skus->second, UserSource::kSynced);
  }
  return memo_.emplace(group, reach).first->second;
}

GroupReach GroupReachIndex::of_all(const std::vector<GroupId>& direct_groups) {
  GroupReach reach;
  for (GroupId group : direct_groups) {
    const auto& one = of(group);
    reach.in_scope |= one.in_scope;
    reach.grants_cloud |= one.grants_cloud;
    reach.grants_synced |= one.grants_synced;
  }
  return reach;
}

}  // namespace sspr::domain::eligibility
