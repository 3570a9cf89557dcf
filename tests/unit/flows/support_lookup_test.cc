// SupportLookup over the real SQLite store: a refused reset start leaves its support code on
// the failure audit record, and the code finds the story - within the caller's tenant only.
#include "flows/support_lookup.h"

#include <gtest/gtest.h>

#include "flows/reset_flow_fixture.h"
#include "i18n/catalogue.h"

namespace sspr::flows::testing {
namespace {

class SupportLookupTest : public ResetFlowFixture {
 protected:
  // Turns SSPR off for the tenant, so a start is refused with SSPR_0009.
  void disable_sspr() {
    ASSERT_TRUE(store_
                    ->transact([&](store::StoreTransaction& tx) -> domain::Status {
                      const auto user = *tx.find_user_by_upn(kResetUpn);
                      auto policy = *tx.find_sspr_policy(user.tenant_id);
                      policy.enabled = domain::policy::SsprEnabled::kNone;
                      tx.save_sspr_policy(user.tenant_id, policy, domain::to_iso8601(clock_.now()));
                      return domain::ok_status();
                    })
                    .ok());
  }
};

TEST_F(SupportLookupTest, ASuccessfulStepLeavesNoSupportCode) {
  ASSERT_TRUE(start().ok());
  for (const auto& event : audit(domain::audit_activity::kFlowProgress)) {
    EXPECT_EQ(event.support_code, "") << event.result;
  }
}

TEST_F(SupportLookupTest, TheCodeOfARefusedStartFindsTheStoryWithTheFix) {
  disable_sspr();
  ctx_.correlation_id = "corr-refused";  // the set-up's admin operations used corr-time
  auto refused = start();
  ASSERT_FALSE(refused.ok());
  ASSERT_EQ(refused.error().code, "SSPR_0009");
  ASSERT_FALSE(refused.error().technical.empty());
  auto found = SupportLookup(*store_).find(op_, "3F2504E0-4F89-41D3-9A0C-0305E82C3301");
  ASSERT_TRUE(found.ok()) << found.error().technical;
  EXPECT_EQ(found->tenant_name, "Contoso");
  EXPECT_EQ(found->story.user, kResetUpn);
  EXPECT_EQ(found->story.correlation_id, "corr-refused");
  EXPECT_EQ(found->story.error.code, "SSPR_0009");
  EXPECT_EQ(found->story.error.fix_key, "fix.TenantSsprEnabled");
  ASSERT_EQ(found->story.events.size(), 1u);
  EXPECT_EQ(found->story.events[0].step, "start");
  EXPECT_EQ(found->story.events[0].client_ip, "127.0.0.1");

  const auto json = to_json(*found, "en");
  EXPECT_EQ(json["support_code"], "3f2504e0-4f89-41d3-9a0c-0305e82c3301");
  EXPECT_EQ(json["tenant"]["name"], "Contoso");
  EXPECT_EQ(json["error"]["name"], "TenantSSPRFlagDisabled");
  EXPECT_FALSE(json["error"]["message"].get<std::string>().empty());
  EXPECT_NE(json["error"]["message"], "error.TenantSSPRFlagDisabled");  // a text, not a key
  EXPECT_NE(json["error"]["fix"].get<std::string>().find("policy"), std::string::npos);
  EXPECT_EQ(json["events"][0]["support_code"], json["support_code"]);
  EXPECT_EQ(json["error"]["technical"], refused.error().technical);  // as the user saw it
  // The request had no language (as on the command line): none recorded, none claimed.
  EXPECT_TRUE(json["error"]["user_language"].is_null());
  EXPECT_TRUE(json["error"]["user_message"].is_null());
}

TEST_F(SupportLookupTest, TheStoryGivesTheUserTextInTheLanguageTheUserReadIt) {
  disable_sspr();
  ctx_.language = "de";
  ASSERT_FALSE(start().ok());
  const auto refusals = audit(domain::audit_activity::kFlowProgress);
  ASSERT_EQ(refusals.size(), 1u);
  EXPECT_EQ(refusals[0].details.at("language"), "de");
  auto found = SupportLookup(*store_).find(op_, "3F2504E0-4F89-41D3-9A0C-0305E82C3301");
  ASSERT_TRUE(found.ok()) << found.error().technical;
  const auto json = to_json(*found, "en");
  EXPECT_EQ(json["error"]["user_language"], "de");
  EXPECT_EQ(json["error"]["user_message"], i18n::translate("de", "error.TenantSSPRFlagDisabled"));
  EXPECT_NE(json["error"]["user_message"], json["error"]["message"]);  // message: the reader's
}

TEST_F(SupportLookupTest, ASuccessfulStepRecordsNoLanguage) {
  ctx_.language = "da";
  ASSERT_TRUE(start().ok());
  for (const auto& event : audit(domain::audit_activity::kFlowProgress)) {
    EXPECT_FALSE(event.details.contains("language")) << event.details.dump();
  }
}

TEST_F(SupportLookupTest, OtherTenantsUnauthorisedCallersAndBadCodesGetNothing) {
  disable_sspr();
  ASSERT_FALSE(start().ok());
  const std::string code = ctx_.support_code;
  auto tenant = admin_->create_tenant(op_, ctx_, "Northwind", "northwind.example");
  ASSERT_TRUE(tenant.ok());
  const domain::Actor stranger{"token:n", tenant->id, ~0u};
  auto hidden = SupportLookup(*store_).find(stranger, code);
  ASSERT_FALSE(hidden.ok());
  EXPECT_EQ(hidden.error().name, "UnknownSupportCode");

  std::optional<domain::TenantId> own;
  ASSERT_TRUE(store_
                  ->transact([&](store::StoreTransaction& tx) -> domain::Status {
                    own = tx.find_user_by_upn(kResetUpn)->tenant_id;
                    return domain::ok_status();
                  })
                  .ok());
  const domain::Actor reader{"token:r", own, static_cast<unsigned>(domain::Permission::kReadAudit)};
  EXPECT_TRUE(SupportLookup(*store_).find(reader, code).ok());
  const domain::Actor no_audit{"token:x", own, 0};
  auto forbidden = SupportLookup(*store_).find(no_audit, code);
  ASSERT_FALSE(forbidden.ok());
  EXPECT_EQ(forbidden.error().kind, domain::ErrorKind::kForbidden);

  auto malformed = SupportLookup(*store_).find(op_, "not-a-code");
  ASSERT_FALSE(malformed.ok());
  EXPECT_EQ(malformed.error().kind, domain::ErrorKind::kBadInput);
  auto unknown = SupportLookup(*store_).find(op_, "00000000-0000-4000-8000-000000000000");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().name, "UnknownSupportCode");
}

}  // namespace
}  // namespace sspr::flows::testing
