// An administrator's reset of a synced user (AdministratorPasswordWriteback, reached through
// DirectoryAdministration::set_password) against the real store on a temporary SQLite
// database, with a fake of the on-premises directory port.
#include "flows/administrator_password_writeback.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "domain/audit_event.h"
#include "domain/onprem/writeback_errors.h"
#include "fakes/fixed_clock.h"
#include "flows/directory_administration.h"
#include "platform/argon2id_password_hasher.h"
#include "platform/sodium_random.h"
#include "store/open_store.h"

namespace sspr::flows {
namespace {

constexpr const char* kSynced = "sam@contoso.example";
constexpr const char* kPassword = "Kx7!morning-Tide";

// The directory: records what it was asked, or refuses with `refusal`.
class FakeDirectory final : public onprem::OnPremisesDirectory {
 public:
  domain::Status set_password(domain::TenantId /*tenant*/, const domain::User& user,
                              const std::string& password) override {
    if (refusal) return *refusal;
    written.emplace_back(user.onprem_id, password);
    return domain::ok_status();
  }
  domain::Status unlock(domain::TenantId /*tenant*/, const domain::User& /*user*/) override {
    return domain::ok_status();
  }
  std::optional<domain::Error> refusal;
  std::vector<std::pair<std::string, std::string>> written;
};

class AdministratorPasswordWritebackTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("sspr-admin-writeback-" + random_.hex(8));
    auto opened = store::open_store({"", dir_.string(), 2});
    ASSERT_TRUE(opened.ok()) << opened.error().technical;
    store_ = std::move(opened).value();
    admin_ = std::make_unique<DirectoryAdministration>(*store_, clock_, random_, hasher_);
    writeback_ = std::make_unique<AdministratorPasswordWriteback>(*store_, clock_, random_,
                                                                  directory_, nullptr);
    auto tenant = admin_->create_tenant(op_, ctx_, "Contoso", "contoso.example");
    ASSERT_TRUE(tenant.ok());
    tenant_ = tenant->id;
    domain::NewUser input;
    input.upn = kSynced;
    input.display_name = "Sam";
    input.source = "synced";
    input.auth_mode = "password_hash_sync";
    input.onprem_id = "uid=sam,ou=people,dc=contoso,dc=example";
    ASSERT_TRUE(admin_->create_user(op_, ctx_, input, std::nullopt).ok());
  }
  void TearDown() override {
    admin_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  void set_writeback(bool on) {
    domain::policy::SsprPolicy policy;
    policy.enabled = domain::policy::SsprEnabled::kAll;
    policy.writeback = on;
    ASSERT_TRUE(store_
                    ->transact([&](store::StoreTransaction& tx) {
                      tx.save_sspr_policy(tenant_, policy, "2026-01-01T00:00:00.000Z");
                      return domain::ok_status();
                    })
                    .ok());
  }

  std::vector<domain::AuditEvent> resets() {
    store::AuditQuery query;
    query.activity = std::string(domain::audit_activity::kResetByAdmin);
    query.limit = 100;
    return *admin_->audit(op_, query);
  }

  sspr::testing::FixedClock clock_;
  platform::SodiumRandom random_;
  platform::Argon2idPasswordHasher hasher_{{8, 1}};
  FakeDirectory directory_;
  std::filesystem::path dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<DirectoryAdministration> admin_;
  std::unique_ptr<AdministratorPasswordWriteback> writeback_;
  domain::TenantId tenant_ = 0;
  domain::Actor op_ = domain::Actor::operator_cli();
  domain::RequestContext ctx_{"corr-1", "127.0.0.1", "support-1"};
};

TEST_F(AdministratorPasswordWritebackTest, WithoutWritebackASyncedUserIsRefusedAsBefore) {
  auto status = admin_->set_password(op_, ctx_, kSynced, kPassword);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().name, "InvalidInput");
  EXPECT_TRUE(directory_.written.empty());
}

TEST_F(AdministratorPasswordWritebackTest, TheDirectoryAcceptingItIsRecordedAndAudited) {
  admin_->use_password_writeback(*writeback_);
  set_writeback(true);
  ASSERT_TRUE(admin_->set_password(op_, ctx_, kSynced, kPassword).ok());
  ASSERT_EQ(directory_.written.size(), 1u);
  EXPECT_EQ(directory_.written[0].first, "uid=sam,ou=people,dc=contoso,dc=example");
  auto events = resets();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].result, "success");
  EXPECT_EQ(events[0].category, domain::audit_category::kSelfService);
  EXPECT_EQ(events[0].target, kSynced);
  EXPECT_EQ(events[0].details.dump().find(kPassword), std::string::npos);
}

TEST_F(AdministratorPasswordWritebackTest, ARefusalIsReturnedAndAuditedWithItsReason) {
  admin_->use_password_writeback(*writeback_);
  set_writeback(true);
  directory_.refusal = domain::onprem::policy_violation("the password is too short");
  auto status = admin_->set_password(op_, ctx_, kSynced, kPassword);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().name, "OnPremisesPolicyViolation");
  auto events = resets();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].result, "failure");
  EXPECT_EQ(events[0].result_reason, "OnPremisesPolicyViolation");
  EXPECT_EQ(events[0].support_code, "support-1");
}

TEST_F(AdministratorPasswordWritebackTest, WritebackOffInThePolicyIsSspr0010) {
  admin_->use_password_writeback(*writeback_);
  set_writeback(false);
  auto status = admin_->set_password(op_, ctx_, kSynced, kPassword);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, "SSPR_0010");
  EXPECT_TRUE(directory_.written.empty());
  ASSERT_EQ(resets().size(), 1u);
}

TEST_F(AdministratorPasswordWritebackTest, TheCloudRulesStillComeFirst) {
  admin_->use_password_writeback(*writeback_);
  set_writeback(true);
  EXPECT_FALSE(admin_->set_password(op_, ctx_, kSynced, "short").ok());
  EXPECT_TRUE(directory_.written.empty());
  EXPECT_TRUE(resets().empty());
}

}  // namespace
}  // namespace sspr::flows
