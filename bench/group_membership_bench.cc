// Transitive group membership for a directory of 100,000 users in 10,000 nested groups.
// Target (issue 2): resolving whether a user is a member of a group through 5 levels of
// nesting takes at most 10 µs.
//
// The groups form a 10-ary tree of depth 5 (group g's parent is (g - 1) / 10), plus one extra
// parent for every 7th group and a few cycles, so the graph is a tangle rather than a pure
// tree. Each user is a direct member of two random leaf groups.

#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "domain/group_graph.h"

namespace {

using sspr::domain::GroupGraph;
using sspr::domain::GroupId;

constexpr GroupId kGroups = 10'000;
constexpr std::size_t kUsers = 100'000;
constexpr GroupId kFirstLeaf = 1'111;  // groups 1111..9999 are at depth 4 (root = depth 0)

struct Directory {
  std::vector<GroupGraph::Edge> edges;
  std::vector<std::vector<GroupId>> direct_groups;  // per user
};

const Directory& directory() {
  static const Directory dir = [] {
    Directory d;
    std::mt19937_64 rng(42);
    for (GroupId g = 1; g < kGroups; ++g) {
      d.edges.push_back({g, (g - 1) / 10});
      if (g % 7 == 0) d.edges.push_back({g, static_cast<GroupId>(rng() % g)});
    }
    for (GroupId g = 0; g < 100; g += 10) d.edges.push_back({g, g + 1111});  // cycles
    std::uniform_int_distribution<GroupId> leaf(kFirstLeaf, kGroups - 1);
    d.direct_groups.resize(kUsers);
    for (auto& groups : d.direct_groups) groups = {leaf(rng), leaf(rng)};
    return d;
  }();
  return dir;
}

const GroupGraph& graph() {
  static const GroupGraph g(directory().edges);
  return g;
}

// A user in a leaf group asks about the root: the answer is only known at level 5.
void BM_IsMemberThroughFiveLevels(benchmark::State& state) {
  const auto& users = directory().direct_groups;
  std::size_t i = 0;
  for (auto _ : state) {
    const bool member = graph().reaches(users[i++ % kUsers], 0);
    benchmark::DoNotOptimize(member);
  }
}
BENCHMARK(BM_IsMemberThroughFiveLevels);

// The worst case: a group the user is not in, so every ancestor is visited.
void BM_IsNotMemberFullWalk(benchmark::State& state) {
  const auto& users = directory().direct_groups;
  std::size_t i = 0;
  for (auto _ : state) {
    const bool member = graph().reaches(users[i++ % kUsers], kGroups + 1);
    benchmark::DoNotOptimize(member);
  }
}
BENCHMARK(BM_IsNotMemberFullWalk);

void BM_AllTransitiveGroupsOfAUser(benchmark::State& state) {
  const auto& users = directory().direct_groups;
  std::size_t i = 0;
  for (auto _ : state) {
    auto groups = graph().transitive_groups(users[i++ % kUsers]);
    benchmark::DoNotOptimize(groups.data());
  }
}
BENCHMARK(BM_AllTransitiveGroupsOfAUser);

void BM_BuildGraphOf10kGroups(benchmark::State& state) {
  for (auto _ : state) {
    GroupGraph g(directory().edges);
    benchmark::DoNotOptimize(g.group_count());
  }
}
BENCHMARK(BM_BuildGraphOf10kGroups)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
