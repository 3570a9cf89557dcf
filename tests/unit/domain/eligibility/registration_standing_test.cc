// The registration report's per-user standing and totals: scope through nested groups,
// registration under the policy, licences directly or through groups, administrators.
#include "domain/eligibility/registration_standing.h"

#include <gtest/gtest.h>

namespace sspr::domain::eligibility {
namespace {

using methods::MethodType;
using policy::SsprEnabled;

const auto kNow = std::chrono::system_clock::time_point{std::chrono::seconds(1'795'000'000)};
constexpr GroupId kScope = 10;
constexpr GroupId kNested = 11;
constexpr GroupId kOther = 12;

TenantMember member(std::string upn, std::vector<GroupId> groups, std::vector<std::string> skus,
                    policy::MethodSet methods) {
  TenantMember m;
  m.upn = std::move(upn);
  m.direct_groups = std::move(groups);
  m.direct_skus = std::move(skus);
  m.registered.methods = std::move(methods);
  return m;
}

TenantFacts tenant(SsprEnabled enabled) {
  TenantFacts facts;
  facts.policy = policy::SsprPolicy{};
  facts.policy->enabled = enabled;
  facts.policy->group_id = kScope;
  facts.scoped_group = "SSPR";
  facts.group_edges = {{kNested, kScope}};
  facts.group_licenses = {{kOther, "PREMIUM_P1"}};
  facts.trial.domain_count = 2;
  return facts;
}

TEST(RegistrationStanding, SelectedPolicyCoversNestedMembersOnly) {
  auto facts = tenant(SsprEnabled::kSelected);
  facts.users = {
      member("in@x", {kNested}, {"BASIC"}, {MethodType::kEmail}),
      member("unregistered@x", {kNested}, {"BASIC"}, {}),
      member("out@x", {}, {"BASIC"}, {MethodType::kEmail}),
      member("unlicensed@x", {kNested}, {}, {MethodType::kEmail}),
      member("group-licensed@x", {kNested, kOther}, {}, {MethodType::kMobilePhone}),
  };
  facts.users.push_back(member("disabled@x", {kNested}, {"BASIC"}, {MethodType::kEmail}));
  facts.users.back().enabled = false;
  RegistrationStandings standings(facts, kNow);
  RegistrationTotals totals;
  std::vector<std::tuple<bool, bool, bool>> got;
  for (const auto& user : facts.users) {
    const auto standing = standings.of(user);
    totals.add(standing);
    got.emplace_back(standing.in_scope, standing.registered, standing.capable);
  }
  using T = std::tuple<bool, bool, bool>;
  EXPECT_EQ(got,
            (std::vector<T>{T{true, true, true}, T{true, false, false}, T{false, true, false},
                            T{true, true, false}, T{true, true, true}, T{false, true, false}}));
  EXPECT_EQ(totals.users, 6u);
  EXPECT_EQ(totals.in_scope, 4u);
  EXPECT_EQ(totals.registered, 3u);
  EXPECT_EQ(totals.capable, 2u);
  EXPECT_DOUBLE_EQ(totals.registered_percent(), 75.0);
  EXPECT_DOUBLE_EQ(totals.capable_percent(), 50.0);
}

TEST(RegistrationStanding, NoPolicyCoversOnlyAdministrators) {
  auto facts = tenant(SsprEnabled::kNone);
  facts.users = {member("user@x", {kNested}, {"BASIC"}, {MethodType::kEmail}),
                 member("admin@x", {}, {}, {MethodType::kEmail, MethodType::kMobilePhone})};
  facts.users[1].is_admin = true;
  RegistrationStandings standings(facts, kNow);
  const auto user = standings.of(facts.users[0]);
  EXPECT_FALSE(user.in_scope);
  EXPECT_FALSE(user.capable);
  const auto admin = standings.of(facts.users[1]);
  EXPECT_TRUE(admin.in_scope);
  EXPECT_TRUE(admin.registered);  // two methods: the administrators' policy
  EXPECT_TRUE(admin.capable);
}

TEST(RegistrationStanding, SyncedUsersNeedWriteback) {
  auto facts = tenant(SsprEnabled::kAll);
  facts.users = {member("synced@x", {}, {"PREMIUM_P1"}, {MethodType::kEmail})};
  facts.users[0].source = UserSource::kSynced;
  EXPECT_FALSE(RegistrationStandings(facts, kNow).of(facts.users[0]).capable);
  facts.policy->writeback = true;
  EXPECT_TRUE(RegistrationStandings(facts, kNow).of(facts.users[0]).capable);
}

TEST(RegistrationStanding, PercentagesOfNobodyAreZero) {
  RegistrationTotals totals;
  totals.add({});
  EXPECT_EQ(totals.in_scope, 0u);
  EXPECT_DOUBLE_EQ(totals.registered_percent(), 0.0);
  RegistrationTotals thirds;
  thirds.add({true, true, false});
  thirds.add({true, false, false});
  thirds.add({true, false, false});
  EXPECT_DOUBLE_EQ(thirds.registered_percent(), 33.3);
}

}  // namespace
}  // namespace sspr::domain::eligibility
