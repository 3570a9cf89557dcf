#include "domain/group_graph.h"

namespace sspr::domain {

GroupGraph::GroupGraph(std::span<const Edge> edges) {
  auto intern = [this](GroupId id) {
    auto [it, inserted] = index_.try_emplace(id, static_cast<std::uint32_t>(ids_.size()));
    if (inserted) ids_.push_back(id);
    return it->second;
  };
  std::vector<std::uint32_t> counts;
  for (const auto& e : edges) {
    intern(e.child);
    intern(e.parent);
  }
  counts.assign(ids_.size() + 1, 0);
  for (const auto& e : edges) ++counts[index_.at(e.child) + 1];
  for (std::size_t i = 1; i < counts.size(); ++i) counts[i] += counts[i - 1];
  first_parent_ = counts;
  parents_.resize(edges.size());
  for (const auto& e : edges) {
    parents_[counts[index_.at(e.child)]++] = index_.at(e.parent);
  }
}

template <typename Visit>
void GroupGraph::walk(std::span<const GroupId> direct, Visit&& visit) const {
  std::vector<bool> seen(ids_.size(), false);
  std::vector<std::uint32_t> queue;
  queue.reserve(16);
  std::vector<GroupId> outside;  // direct groups without any edge: not in the index
  for (GroupId id : direct) {
    auto it = index_.find(id);
    if (it == index_.end()) {
      bool repeated = false;
      for (GroupId o : outside) repeated = repeated || o == id;
      if (!repeated) {
        outside.push_back(id);
        if (!visit(id)) return;
      }
      continue;
    }
    if (!seen[it->second]) {
      seen[it->second] = true;
      queue.push_back(it->second);
    }
  }
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const std::uint32_t g = queue[head];
    if (!visit(ids_[g])) return;
    for (std::uint32_t p = first_parent_[g]; p < first_parent_[g + 1]; ++p) {
      const std::uint32_t parent = parents_[p];
      if (!seen[parent]) {
        seen[parent] = true;
        queue.push_back(parent);
      }
    }
  }
}

std::vector<GroupId> GroupGraph::transitive_groups(std::span<const GroupId> direct) const {
  std::vector<GroupId> out;
  walk(direct, [&out](GroupId id) {
    out.push_back(id);
    return true;
  });
  return out;
}

bool GroupGraph::reaches(std::span<const GroupId> direct, GroupId target) const {
  bool found = false;
  walk(direct, [&](GroupId id) {
    found = id == target;
    return !found;
  });
  return found;
}

}  // namespace sspr::domain
