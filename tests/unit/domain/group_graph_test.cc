#include "domain/group_graph.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace sspr::domain {
namespace {

using Edges = std::vector<GroupGraph::Edge>;

std::vector<GroupId> sorted(std::vector<GroupId> ids) {
  std::sort(ids.begin(), ids.end());
  return ids;
}

TEST(GroupGraph, DirectGroupsWithoutEdgesAreReturned) {
  GroupGraph graph(Edges{});
  const std::vector<GroupId> direct = {7, 9, 7};
  EXPECT_EQ(sorted(graph.transitive_groups(direct)), (std::vector<GroupId>{7, 9}));
  EXPECT_TRUE(graph.reaches(direct, 9));
  EXPECT_FALSE(graph.reaches(direct, 8));
}

TEST(GroupGraph, FollowsFiveLevelsOfNesting) {
  // 1 in 2 in 3 in 4 in 5
  GroupGraph graph(Edges{{1, 2}, {2, 3}, {3, 4}, {4, 5}});
  const std::vector<GroupId> direct = {1};
  EXPECT_EQ(sorted(graph.transitive_groups(direct)), (std::vector<GroupId>{1, 2, 3, 4, 5}));
  EXPECT_TRUE(graph.reaches(direct, 5));
  const std::vector<GroupId> from_top = {5};
  EXPECT_FALSE(graph.reaches(from_top, 1));  // membership is not symmetric
}

TEST(GroupGraph, CyclesTerminateAndReportEachGroupOnce) {
  GroupGraph graph(Edges{{1, 2}, {2, 1}, {2, 3}, {3, 3}});
  const std::vector<GroupId> direct = {1};
  EXPECT_EQ(sorted(graph.transitive_groups(direct)), (std::vector<GroupId>{1, 2, 3}));
  EXPECT_FALSE(graph.reaches(direct, 4));
}

TEST(GroupGraph, DiamondsAreVisitedOnce) {
  GroupGraph graph(Edges{{1, 2}, {1, 3}, {2, 4}, {3, 4}});
  const std::vector<GroupId> direct = {1};
  EXPECT_EQ(graph.transitive_groups(direct).size(), 4u);
}

}  // namespace
}  // namespace sspr::domain
