// The SSPR policy use cases of DirectoryAdministration against the real store (temporary
// SQLite): show, partial changes with their before/after audit, refusals that write nothing,
// permissions, the group by name, and the scope group's protection.
#include <gtest/gtest.h>

#include <filesystem>

#include "domain/audit_event.h"
#include "fakes/fixed_clock.h"
#include "flows/directory_administration.h"
#include "flows/directory_test.h"
#include "platform/argon2id_password_hasher.h"
#include "platform/sodium_random.h"
#include "store/open_store.h"

namespace sspr::flows {
namespace {

using domain::Actor;
namespace policy = domain::policy;
using policy::MethodType;

class SsprPolicyAdministrationTest : public DirectoryTest {
 protected:
  void SetUp() override {
    DirectoryTest::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_TRUE(admin_->create_group(op_, ctx_, tenant_, "SSPR Users", "").ok());
  }

  std::vector<domain::AuditEvent> policy_audit() {
    return audit_of(domain::audit_activity::kUpdateSsprPolicy);
  }

  domain::Result<SsprPolicyView> set(const SsprPolicyUpdate& update, const Actor* actor = nullptr) {
    return admin_->set_sspr_policy(actor ? *actor : op_, ctx_, tenant_, update);
  }
};

TEST_F(SsprPolicyAdministrationTest, ANewTenantHasNoPolicyAndTheFirstSetStartsFromDefaults) {
  auto none = admin_->sspr_policy(op_, tenant_);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->policy);
  EXPECT_EQ(to_json(*none), nlohmann::json({{"configured", false}}));

  auto first = set({});
  ASSERT_TRUE(first.ok()) << first.error().technical;
  EXPECT_EQ(first->policy, policy::SsprPolicy{});
  auto shown = admin_->sspr_policy(op_, tenant_);
  EXPECT_EQ(shown->policy, policy::SsprPolicy{});
  EXPECT_EQ(to_json(*shown)["configured"], true);

  auto audit = policy_audit();
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].category, "Policy");
  EXPECT_EQ(audit[0].target, "Contoso");
  EXPECT_EQ(audit[0].correlation_id, "corr-1");
  EXPECT_TRUE(audit[0].details["before"].is_null());
  EXPECT_EQ(audit[0].details["after"]["enabled"], "none");
}

TEST_F(SsprPolicyAdministrationTest, AChangeIsAuditedWithBeforeAndAfter) {
  ASSERT_TRUE(set({}).ok());
  SsprPolicyUpdate update;
  update.change.enabled = policy::SsprEnabled::kSelected;
  update.group = "sspr users";  // names are case-insensitive
  update.change.methods = policy::MethodSet{MethodType::kEmail, MethodType::kSecurityQuestions};
  update.change.questions_to_register = 4;
  auto changed = set(update);
  ASSERT_TRUE(changed.ok()) << changed.error().technical;
  EXPECT_EQ(changed->group, "SSPR Users");
  EXPECT_EQ(changed->policy->questions_to_register, 4);

  auto audit = policy_audit();
  ASSERT_EQ(audit.size(), 2u);
  const auto& details = audit[0].details;  // newest first
  EXPECT_EQ(details["before"]["enabled"], "none");
  EXPECT_TRUE(details["before"]["group"].is_null());
  EXPECT_EQ(details["after"]["enabled"], "selected");
  EXPECT_EQ(details["after"]["group"], "SSPR Users");
  EXPECT_EQ(details["after"]["methods"], nlohmann::json({"email", "security_questions"}));
  EXPECT_EQ(details["changed"],
            nlohmann::json({"enabled", "group", "methods", "questions_to_register"}));
}

TEST_F(SsprPolicyAdministrationTest, ARefusedPolicyWritesNothing) {
  SsprPolicyUpdate all;
  all.change.enabled = policy::SsprEnabled::kAll;
  ASSERT_TRUE(set(all).ok());
  const auto before = admin_->sspr_policy(op_, tenant_)->policy;

  std::vector<SsprPolicyUpdate> refused(5);
  refused[0].change.enabled = policy::SsprEnabled::kNone;
  refused[0].change.writeback = true;  // no on-premises connection can exist yet
  refused[1].change.methods = policy::MethodSet{MethodType::kAppCode};
  refused[2].change.methods_required = 2;
  refused[2].change.methods = policy::MethodSet{MethodType::kAppCode, MethodType::kEmail};
  refused[3].change.unlock = true;
  refused[4].change.enabled = policy::SsprEnabled::kSelected;  // no group
  const char* keys[] = {"WritebackNeedsConnection", "AppOnlyMethod", "AppOneOfTwo",
                        "UnlockNeedsConnection", "GroupRequired"};
  for (std::size_t i = 0; i < refused.size(); ++i) {
    auto result = set(refused[i]);
    ASSERT_FALSE(result.ok()) << i;
    EXPECT_EQ(result.error().name, "InvalidSsprPolicy");
    EXPECT_EQ(result.error().message_key, std::string("policy.refusal.") + keys[i]);
  }
  EXPECT_EQ(admin_->sspr_policy(op_, tenant_)->policy, before);
  EXPECT_EQ(policy_audit().size(), 1u);
}

TEST_F(SsprPolicyAdministrationTest, AnUnknownGroupIsNotFoundAndWritesNothing) {
  SsprPolicyUpdate update;
  update.change.enabled = policy::SsprEnabled::kSelected;
  update.group = "Nobody";
  auto result = set(update);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().name, "NotFound");
  EXPECT_NE(result.error().technical.find("Nobody"), std::string::npos);
  EXPECT_FALSE(admin_->sspr_policy(op_, tenant_)->policy);
  EXPECT_TRUE(policy_audit().empty());
}

TEST_F(SsprPolicyAdministrationTest, ReadingNeedsReadDirectoryAndChangingManagePolicy) {
  Actor reader{"token:billing", tenant_, static_cast<unsigned>(domain::Permission::kReadDirectory)};
  EXPECT_TRUE(admin_->sspr_policy(reader, tenant_).ok());
  auto refused = set({}, &reader);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().name, "Forbidden");
  Actor security{"token:security", tenant_,
                 static_cast<unsigned>(domain::Permission::kReadDirectory) |
                     static_cast<unsigned>(domain::Permission::kManagePolicy)};
  EXPECT_TRUE(set({}, &security).ok());
  Actor foreign{"token:other", tenant_ + 99, ~0u};
  EXPECT_FALSE(admin_->sspr_policy(foreign, tenant_).ok());
  EXPECT_EQ(policy_audit().size(), 1u);
  EXPECT_EQ(policy_audit()[0].actor, "token:security");
}

TEST_F(SsprPolicyAdministrationTest, TheScopeGroupCannotBeDeletedWhileSelected) {
  SsprPolicyUpdate update;
  update.change.enabled = policy::SsprEnabled::kSelected;
  update.group = "SSPR Users";
  ASSERT_TRUE(set(update).ok());
  auto refused = admin_->delete_group(op_, ctx_, tenant_, "SSPR Users");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().name, "GroupScopesSspr");
  EXPECT_TRUE(admin_->group(op_, tenant_, "SSPR Users").ok());

  SsprPolicyUpdate all;
  all.change.enabled = policy::SsprEnabled::kAll;
  ASSERT_TRUE(set(all).ok());
  EXPECT_TRUE(admin_->delete_group(op_, ctx_, tenant_, "SSPR Users").ok());
  auto shown = admin_->sspr_policy(op_, tenant_);
  EXPECT_FALSE(shown->policy->group_id);
  EXPECT_FALSE(shown->group);
}

TEST(SsprPolicyJson, APatchBodyWithTheFieldNamesOfTheView) {
  auto update = policy_update_from_json(nlohmann::json::parse(R"({
      "configured": true, "enabled": "selected", "group": "SSPR Users", "methods_required": 2,
      "methods": ["email", "mobile_phone", "app_code"], "questions_to_register": 5,
      "questions_to_reset": 4, "require_registration": false, "reconfirm_days": 0,
      "notify_users": false, "notify_admins": true, "helpdesk": null, "writeback": false,
      "unlock": false})"));
  ASSERT_TRUE(update.ok()) << update.error().technical;
  const auto& change = update->change;
  EXPECT_EQ(change.enabled, policy::SsprEnabled::kSelected);
  EXPECT_EQ(update->group, "SSPR Users");
  EXPECT_EQ(change.methods_required, 2);
  EXPECT_EQ(change.methods, (policy::MethodSet{MethodType::kEmail, MethodType::kMobilePhone,
                                               MethodType::kAppCode}));
  EXPECT_EQ(change.questions_to_register, 5);
  EXPECT_EQ(change.questions_to_reset, 4);
  EXPECT_EQ(change.require_registration, false);
  EXPECT_EQ(change.reconfirm_days, 0);
  EXPECT_EQ(change.notify_users, false);
  EXPECT_EQ(change.notify_admins, true);
  EXPECT_EQ(change.helpdesk, "");
  EXPECT_EQ(change.writeback, false);
  EXPECT_EQ(change.unlock, false);

  auto empty = policy_update_from_json(nlohmann::json::object());
  ASSERT_TRUE(empty.ok());
  EXPECT_FALSE(empty->change.enabled);
  EXPECT_FALSE(empty->change.methods);
  EXPECT_FALSE(empty->change.helpdesk);

  for (auto bad :
       {R"({"enabled": "everyone"})", R"({"methods": "email"})", R"({"methods": ["email", "sms"]})",
        R"({"methods": ["email", "email"]})", R"({"notify_users": "yes"})",
        R"({"reconfirm_days": 1.5})", R"({"questions_to_reset": "3"})", R"({"group": 7})",
        R"({"helpdesk": 1})", R"([])"}) {
    auto refused = policy_update_from_json(nlohmann::json::parse(bad));
    ASSERT_FALSE(refused.ok()) << bad;
    EXPECT_EQ(refused.error().name, "InvalidInput") << bad;
  }
}

}  // namespace
}  // namespace sspr::flows
