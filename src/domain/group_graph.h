#pragma once
// Nested group membership resolved in memory: the groups a member belongs to, directly or
// through any depth of nesting. Cycles (A in B in A) terminate: each group is visited once.
// Used for bulk questions over a whole tenant (reports, diagnose); single-user questions
// are answered by the store with one recursive query.

#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

#include "domain/group.h"

namespace sspr::domain {

class GroupGraph {
 public:
  // `child` is a direct member of `parent`.
  struct Edge {
    GroupId child;
    GroupId parent;
  };

  explicit GroupGraph(std::span<const Edge> edges);

  // Every group reachable from `direct` (the groups a user is a direct member of), including
  // those groups themselves, each once, in breadth-first order.
  std::vector<GroupId> transitive_groups(std::span<const GroupId> direct) const;

  // Whether `target` is among transitive_groups(direct), stopping as soon as it is found.
  bool reaches(std::span<const GroupId> direct, GroupId target) const;

  std::size_t group_count() const { return ids_.size(); }

 private:
  template <typename Visit>
  void walk(std::span<const GroupId> direct, Visit&& visit) const;

  std::unordered_map<GroupId, std::uint32_t> index_;  // group id -> dense index
  std::vector<GroupId> ids_;                          // dense index -> group id
  std::vector<std::uint32_t> first_parent_;           // CSR row starts, size ids_.size() + 1
  std::vector<std::uint32_t> parents_;                // CSR parent indexes
};

}  // namespace sspr::domain
