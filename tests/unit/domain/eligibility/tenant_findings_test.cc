// Tenant-wide diagnose (SPEC §12): the findings a tenant's bulk facts produce, with the users
// they affect, scope through nested groups, group-based licences, and administrators apart.

#include "domain/eligibility/tenant_findings.h"

#include <gtest/gtest.h>

#include <map>

#include "domain/locale_catalogue.h"

namespace sspr::domain::eligibility {
namespace {

using methods::MethodType;
using policy::SsprEnabled;

const auto kNow = std::chrono::system_clock::time_point{std::chrono::seconds(1'795'000'000)};
constexpr GroupId kScope = 10;
constexpr GroupId kNested = 11;

TenantMember member(UserId id, std::string upn, std::vector<GroupId> groups = {kNested},
                    std::vector<std::string> skus = {"BASIC"}) {
  TenantMember m;
  m.id = id;
  m.upn = std::move(upn);
  m.direct_groups = std::move(groups);
  m.direct_skus = std::move(skus);
  m.registered.methods = {MethodType::kEmail};
  return m;
}

TenantFacts scoped_tenant() {
  TenantFacts facts;
  facts.domain = "contoso.example";
  facts.policy = policy::SsprPolicy{};
  facts.policy->enabled = SsprEnabled::kSelected;
  facts.policy->group_id = kScope;
  facts.scoped_group = "SSPR Users";
  facts.group_edges = {{kNested, kScope}};
  facts.trial.domain_count = 2;  // not a trial
  facts.users.push_back(member(1, "ok@contoso.example"));
  return facts;
}

std::map<std::string, TenantFinding> by_id(const TenantDiagnosis& diagnosis) {
  std::map<std::string, TenantFinding> out;
  for (const auto& finding : diagnosis.findings) out.emplace(finding.id, finding);
  return out;
}

TEST(TenantFindings, AHealthyTenantHasNoFindings) {
  const auto diagnosis = diagnose_tenant(scoped_tenant(), kNow);
  EXPECT_TRUE(diagnosis.findings.empty());
  EXPECT_FALSE(diagnosis.blocks_users());
  EXPECT_EQ(diagnosis.users_in_scope, 1u);
  EXPECT_EQ(diagnosis.users_can_reset, 1u);
}

TEST(TenantFindings, NeverConfiguredAndDisabledPoliciesBlockEveryNonAdministrator) {
  auto facts = scoped_tenant();
  facts.policy.reset();
  auto found = by_id(diagnose_tenant(facts, kNow));
  ASSERT_TRUE(found.count("PolicyNeverConfigured"));
  EXPECT_EQ(found["PolicyNeverConfigured"].error->code, "SSPR_0011");
  EXPECT_EQ(found["PolicyNeverConfigured"].affected, 1u);

  facts = scoped_tenant();
  facts.policy->enabled = SsprEnabled::kNone;
  found = by_id(diagnose_tenant(facts, kNow));
  ASSERT_TRUE(found.count("SsprDisabled"));
  EXPECT_EQ(found["SsprDisabled"].error->code, "SSPR_0009");
}

TEST(TenantFindings, AMissingOrEmptyScopedGroupIsFound) {
  auto facts = scoped_tenant();
  facts.scoped_group.reset();
  EXPECT_TRUE(by_id(diagnose_tenant(facts, kNow)).count("ScopedGroupMissing"));

  facts = scoped_tenant();
  facts.users = {member(1, "a@contoso.example", {})};  // in no group
  const auto diagnosis = diagnose_tenant(facts, kNow);
  auto found = by_id(diagnosis);
  ASSERT_TRUE(found.count("ScopedGroupEmpty"));
  EXPECT_EQ(found["ScopedGroupEmpty"].examples, std::vector<std::string>{"a@contoso.example"});
  EXPECT_TRUE(diagnosis.blocks_users());
}

TEST(TenantFindings, LicencesCountDirectlyAndThroughNestedGroupsPerKindOfUser) {
  auto facts = scoped_tenant();
  facts.users = {member(1, "direct@contoso.example"),
                 member(2, "none@contoso.example", {kNested}, {}),
                 member(3, "viagroup@contoso.example", {kNested}, {}),
                 member(4, "synced-basic@contoso.example")};
  facts.users[3].source = UserSource::kSynced;
  facts.policy->writeback = true;
  facts.group_edges.push_back({12, kScope});
  facts.users[2].direct_groups = {12};
  facts.group_licenses = {{kScope, "FREE"}, {12, "O365_PAID"}};
  auto found = by_id(diagnose_tenant(facts, kNow));
  ASSERT_TRUE(found.count("UsersUnlicensed"));
  EXPECT_EQ(found["UsersUnlicensed"].affected, 2u);
  EXPECT_EQ(found["UsersUnlicensed"].examples,
            (std::vector<std::string>{"none@contoso.example", "synced-basic@contoso.example"}));

  // A premium licence on the scoped group reaches the nested members, synced ones too.
  facts.group_licenses = {{kScope, "PREMIUM_P1"}};
  EXPECT_FALSE(by_id(diagnose_tenant(facts, kNow)).count("UsersUnlicensed"));
}

TEST(TenantFindings, SyncedUsersWithoutWritebackAndUnregisteredUsersAreCounted) {
  auto facts = scoped_tenant();
  facts.users.push_back(member(2, "synced@contoso.example", {kNested}, {"PREMIUM_P1"}));
  facts.users.back().source = UserSource::kSynced;
  facts.users.push_back(member(3, "bare@contoso.example"));
  facts.users.back().registered = {};
  facts.users.push_back(member(4, "outside@contoso.example", {}));  // not in scope
  facts.users.back().registered = {};
  const auto diagnosis = diagnose_tenant(facts, kNow);
  auto found = by_id(diagnosis);
  EXPECT_EQ(found["SyncedWithoutWriteback"].examples,
            std::vector<std::string>{"synced@contoso.example"});
  EXPECT_EQ(found["SyncedWithoutWriteback"].error->code, "SSPR_0010");
  EXPECT_EQ(found["UsersNotRegistered"].examples, std::vector<std::string>{"bare@contoso.example"});
  EXPECT_EQ(diagnosis.users_in_scope, 3u);
  EXPECT_EQ(diagnosis.users_can_reset, 1u);
  EXPECT_FALSE(found.count("PolicyUnsatisfiable"));  // someone has email
}

TEST(TenantFindings, APolicyNoUserCanSatisfyIsFound) {
  auto facts = scoped_tenant();
  facts.policy->methods = {MethodType::kEmail, MethodType::kMobilePhone, MethodType::kAppCode};
  facts.policy->methods_required = 2;
  const auto found = by_id(diagnose_tenant(facts, kNow));
  ASSERT_TRUE(found.count("PolicyUnsatisfiable"));
  const auto& finding = found.at("PolicyUnsatisfiable");
  EXPECT_EQ(std::get<MethodList>(*finding.text.param("unused")).items,
            (std::vector<MethodType>{MethodType::kMobilePhone, MethodType::kAppCode}));
  EXPECT_EQ(finding.severity, FindingSeverity::kBlocking);
}

TEST(TenantFindings, AdministratorsAreJudgedByTheTwoGatePolicyOnly) {
  auto facts = scoped_tenant();
  auto admin = member(2, "admin@contoso.example", {}, {});  // no group, no licence
  admin.is_admin = true;
  facts.users.push_back(admin);
  auto diagnosis = diagnose_tenant(facts, kNow);
  auto found = by_id(diagnosis);
  ASSERT_TRUE(found.count("AdminsNotRegistered"));  // one method of two
  EXPECT_EQ(found["AdminsNotRegistered"].examples,
            std::vector<std::string>{"admin@contoso.example"});
  EXPECT_FALSE(found.count("UsersUnlicensed"));
  EXPECT_EQ(diagnosis.administrators, 1u);

  facts.users.back().registered.methods.insert(MethodType::kMobilePhone);
  diagnosis = diagnose_tenant(facts, kNow);
  EXPECT_TRUE(diagnosis.findings.empty());
  EXPECT_EQ(diagnosis.administrators_can_reset, 1u);
}

TEST(TenantFindings, ThrottledUsersAreAWarningAndDisabledAccountsAreLeftOut) {
  auto facts = scoped_tenant();
  facts.users[0].throttle_blocked = true;
  facts.users.push_back(member(2, "off@contoso.example", {}, {}));
  facts.users.back().enabled = false;
  const auto diagnosis = diagnose_tenant(facts, kNow);
  ASSERT_EQ(diagnosis.findings.size(), 1u);
  EXPECT_EQ(diagnosis.findings[0].id, "UsersBlocked");
  EXPECT_EQ(diagnosis.findings[0].severity, FindingSeverity::kWarning);
  EXPECT_FALSE(diagnosis.blocks_users());
  EXPECT_EQ(diagnosis.users, 1u);
}

TEST(TenantFindings, ExamplesAreCappedWhileTheCountIsExact) {
  auto facts = scoped_tenant();
  facts.users.clear();
  for (int i = 0; i < 12; ++i) {
    facts.users.push_back(
        member(i + 1, "u" + std::to_string(i) + "@contoso.example", {kNested}, {}));
  }
  const auto found = by_id(diagnose_tenant(facts, kNow));
  EXPECT_EQ(found.at("UsersUnlicensed").affected, 12u);
  EXPECT_EQ(found.at("UsersUnlicensed").examples.size(), kFindingExamples);
}

TEST(TenantFindings, EveryFindingHasTextAndFixInEveryLanguage) {
  std::vector<std::string> keys;
  for (const char* id :
       {"PolicyNeverConfigured", "SsprDisabled", "ScopedGroupMissing", "ScopedGroupEmpty",
        "UsersUnlicensed", "SyncedWithoutWriteback", "PolicyUnsatisfiable", "UsersNotRegistered",
        "AdminsNotRegistered", "UsersBlocked"}) {
    keys.push_back(std::string("diagnose.finding.") + id);
    keys.push_back(std::string("diagnose.tenant_fix.") + id);
  }
  EXPECT_EQ(sspr::testing::missing_locale_keys(keys), std::vector<std::string>{});
}

}  // namespace
}  // namespace sspr::domain::eligibility
