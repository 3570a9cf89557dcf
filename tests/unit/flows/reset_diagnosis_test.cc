// ResetDiagnosis against the real store (SQLite): a user's seven checks with the error and fix,
// masked methods, the throttle block as its own finding, who may diagnose, and the tenant's
// findings from the bulk reads; the JSON renders the texts in the chosen language.

#include "flows/reset_diagnosis.h"

#include <gtest/gtest.h>

#include "flows/directory_test.h"
#include "flows/reset_diagnosis_json.h"

namespace sspr::flows {
namespace {

namespace de = domain::eligibility;
namespace dp = domain::policy;

class ResetDiagnosisTest : public DirectoryTest {
 protected:
  void SetUp() override {
    DirectoryTest::SetUp();
    diagnosis_ = std::make_unique<ResetDiagnosis>(*store_, clock_);
  }

  void add_user(const std::string& name, const std::string& sku = "BASIC") {
    domain::NewUser input;
    input.upn = name + "@contoso.example";
    input.display_name = name;
    ASSERT_TRUE(admin_->create_user(op_, ctx_, input, std::nullopt).ok());
    if (!sku.empty()) {
      ASSERT_TRUE(admin_->assign_license_to_user(op_, ctx_, input.upn, sku).ok());
    }
    domain::methods::ContactMethodChanges changes;
    changes.email = name + ".home@example.org";
    ASSERT_TRUE(admin_->set_contact_methods(op_, ctx_, input.upn, changes).ok());
  }

  void enable_for_all() {
    SsprPolicyUpdate update;
    update.change.enabled = dp::SsprEnabled::kAll;
    ASSERT_TRUE(admin_->set_sspr_policy(op_, ctx_, tenant_, update).ok());
  }

  std::unique_ptr<ResetDiagnosis> diagnosis_;
};

TEST_F(ResetDiagnosisTest, AnEligibleUserCanResetAndMethodsAreMasked) {
  enable_for_all();
  add_user("alice");
  auto result = diagnosis_->diagnose_user(op_, "alice@contoso.example");
  ASSERT_TRUE(result.ok()) << result.error().technical;
  EXPECT_TRUE(result->can_reset());
  ASSERT_EQ(result->checks.size(), 7u);
  ASSERT_EQ(result->methods.size(), 1u);
  EXPECT_EQ(result->methods[0].masked.find("alice.home"), std::string::npos);
  const auto json = to_json(*result, "en");
  EXPECT_TRUE(json["first_failure"].is_null());
  EXPECT_EQ(json.dump().find("alice.home@example.org"), std::string::npos);
}

TEST_F(ResetDiagnosisTest, TheFirstFailureIsTheFlowsErrorWithTheFixAndLaterChecksStillShown) {
  add_user("bob", "");  // never configured and unlicensed
  auto result = diagnosis_->diagnose_user(op_, "bob@contoso.example");
  ASSERT_TRUE(result.ok());
  ASSERT_TRUE(result->blocking_error());
  EXPECT_EQ(result->blocking_error()->code, "SSPR_0011");
  const auto json = to_json(*result, "de");
  EXPECT_EQ(json["first_failure"]["check"], "PolicyConfigured");
  EXPECT_EQ(json["checks"][4]["check"], "Licensed");
  EXPECT_EQ(json["checks"][4]["result"], "failed");
  EXPECT_EQ(json["checks"][4]["fix_key"], "diagnose.fix.Licensed.cloud");
  EXPECT_NE(json["checks"][4]["fix"].get<std::string>().find("O365_PAID"), std::string::npos);
  EXPECT_EQ(json["checks"][4]["fix"].get<std::string>().find('{'), std::string::npos);
  EXPECT_EQ(json["language"], "de");
}

TEST_F(ResetDiagnosisTest, AnActiveThrottleBlockIsReportedAfterTheSevenChecks) {
  enable_for_all();
  add_user("carol");
  auto user = store_->transact([&](store::StoreTransaction& tx) -> domain::Status {
    auto found = tx.find_user_by_upn("carol@contoso.example");
    tx.lock_throttle_key("user:" + std::to_string(found->id));
    tx.set_throttle_block("user:" + std::to_string(found->id),
                          domain::to_iso8601(clock_.now() + std::chrono::hours(3)));
    return domain::ok_status();
  });
  ASSERT_TRUE(user.ok());
  auto result = diagnosis_->diagnose_user(op_, "carol@contoso.example");
  ASSERT_TRUE(result.ok());
  EXPECT_FALSE(result->can_reset());
  EXPECT_EQ(result->blocking_error()->name, "ThrottledBlocked");
  ASSERT_TRUE(result->throttle.blocked_until);
  const auto json = to_json(*result, "en");
  EXPECT_EQ(json["first_failure"]["check"], "Throttling");
  EXPECT_NE(json["throttling"]["fix"].get<std::string>().find(*result->throttle.blocked_until),
            std::string::npos);

  auto tenant = diagnosis_->diagnose_tenant(op_, tenant_);
  ASSERT_TRUE(tenant.ok());
  ASSERT_EQ(tenant->diagnosis.findings.size(), 1u);
  EXPECT_EQ(tenant->diagnosis.findings[0].id, "UsersBlocked");
}

TEST_F(ResetDiagnosisTest, UnknownUsersAreNotFoundAndOtherTenantsAreHidden) {
  auto unknown = diagnosis_->diagnose_user(op_, "nobody@contoso.example");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().kind, domain::ErrorKind::kNotFound);

  add_user("dave");
  domain::Actor other{"token:other", tenant_ + 1000, ~0u};
  EXPECT_EQ(diagnosis_->diagnose_user(other, "dave@contoso.example").error().kind,
            domain::ErrorKind::kNotFound);
  domain::Actor reader{"token:reader", tenant_,
                       static_cast<unsigned>(domain::Permission::kReadDirectory)};
  EXPECT_EQ(diagnosis_->diagnose_user(reader, "dave@contoso.example").error().kind,
            domain::ErrorKind::kForbidden);
  EXPECT_EQ(diagnosis_->diagnose_tenant(reader, tenant_).error().kind,
            domain::ErrorKind::kForbidden);
}

TEST_F(ResetDiagnosisTest, TenantFindingsComeFromTheStoresBulkReads) {
  SsprPolicyUpdate update;
  update.change.enabled = dp::SsprEnabled::kSelected;
  ASSERT_TRUE(admin_->create_group(op_, ctx_, tenant_, "SSPR Users", "").ok());
  ASSERT_TRUE(admin_->create_group(op_, ctx_, tenant_, "Nested", "").ok());
  ASSERT_TRUE(
      admin_->add_member(op_, ctx_, tenant_, "SSPR Users", domain::MemberKind::kGroup, "Nested")
          .ok());
  update.group = "SSPR Users";
  ASSERT_TRUE(admin_->set_sspr_policy(op_, ctx_, tenant_, update).ok());
  add_user("erin", "");   // in scope, licensed through the group
  add_user("frank", "");  // in scope, no licence of his own
  add_user("gina");       // outside the group
  ASSERT_TRUE(admin_
                  ->add_member(op_, ctx_, tenant_, "Nested", domain::MemberKind::kUser,
                               "erin@contoso.example")
                  .ok());
  ASSERT_TRUE(admin_
                  ->add_member(op_, ctx_, tenant_, "Nested", domain::MemberKind::kUser,
                               "frank@contoso.example")
                  .ok());
  ASSERT_TRUE(admin_->assign_license_to_group(op_, ctx_, tenant_, "SSPR Users", "BASIC").ok());
  ASSERT_TRUE(admin_->remove_license_from_user(op_, ctx_, "gina@contoso.example", "BASIC").ok());
  ASSERT_TRUE(admin_
                  ->add_member(op_, ctx_, tenant_, "Nested", domain::MemberKind::kUser,
                               "gina@contoso.example")
                  .ok());
  ASSERT_TRUE(admin_
                  ->remove_member(op_, ctx_, tenant_, "Nested", domain::MemberKind::kUser,
                                  "gina@contoso.example")
                  .ok());

  auto result = diagnosis_->diagnose_tenant(op_, tenant_);
  ASSERT_TRUE(result.ok()) << result.error().technical;
  const auto& diagnosis = result->diagnosis;
  EXPECT_EQ(diagnosis.users, 3u);
  EXPECT_EQ(diagnosis.users_in_scope, 2u);
  EXPECT_EQ(diagnosis.users_can_reset, 2u);  // frank is licensed through the group too
  EXPECT_TRUE(diagnosis.findings.empty());
  const auto json = to_json(*result, "en");
  EXPECT_EQ(json["policy"]["group"], "SSPR Users");
  EXPECT_FALSE(json["blocks_users"].get<bool>());
}

}  // namespace
}  // namespace sspr::flows
