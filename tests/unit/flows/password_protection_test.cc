// PasswordProtection and the password policy of DirectoryAdministration, against the real
// store on a temporary SQLite database.
#include "flows/password_protection.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "domain/audit_event.h"
#include "fakes/fixed_clock.h"
#include "flows/directory_administration.h"
#include "flows/global_banned_terms.h"
#include "platform/argon2id_password_hasher.h"
#include "platform/sodium_random.h"
#include "store/open_store.h"

namespace sspr::flows {
namespace {

using domain::Actor;
using domain::password::PasswordReason;

using sspr::testing::FixedClock;

class FixedStrength final : public domain::PasswordStrengthEstimator {
 public:
  domain::PasswordStrength estimate(std::string_view, std::span<const std::string>) const override {
    return {3, 9.5, {}};
  }
};

class PasswordProtectionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("sspr-pwprot-test-" + random_.hex(8));
    auto opened = store::open_store({"", dir_.string(), 2});
    ASSERT_TRUE(opened.ok()) << opened.error().technical;
    store_ = std::move(opened).value();
    admin_ = std::make_unique<DirectoryAdministration>(*store_, clock_, random_, hasher_);
    protection_ = std::make_unique<PasswordProtection>(*store_, clock_, random_, &strength_);
    auto tenant = admin_->create_tenant(op_, ctx_, "Contoso", "contoso.example");
    ASSERT_TRUE(tenant.ok()) << tenant.error().technical;
    tenant_ = tenant->id;
    domain::NewUser input;
    input.upn = "alice@contoso.example";
    input.display_name = "Alice Lindqvist";
    input.given_name = "Alice";
    input.surname = "Lindqvist";
    input.source = "cloud";
    auto alice = admin_->create_user(op_, ctx_, input, std::nullopt);
    ASSERT_TRUE(alice.ok()) << alice.error().technical;
  }
  void TearDown() override {
    protection_.reset();
    admin_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::size_t audit_count(std::string_view activity) {
    store::AuditQuery query;
    query.activity = std::string(activity);
    query.limit = 1000;
    return admin_->audit(op_, query)->size();
  }

  FixedClock clock_;
  platform::SodiumRandom random_;
  platform::Argon2idPasswordHasher hasher_{{8, 1}};
  FixedStrength strength_;
  std::filesystem::path dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<DirectoryAdministration> admin_;
  std::unique_ptr<PasswordProtection> protection_;
  Actor op_ = Actor::operator_cli();
  domain::RequestContext ctx_{"corr-1", "127.0.0.1"};
  domain::TenantId tenant_ = 0;
};

TEST(GlobalBannedTerms, EmbeddedListParses) { EXPECT_GT(global_banned_terms().size(), 1000u); }

TEST_F(PasswordProtectionTest, AddListRemoveTermsAudited) {
  auto added = protection_->add_terms(op_, ctx_, tenant_, {"Fabrikam", "Widget"});
  ASSERT_TRUE(added.ok()) << added.error().technical;
  EXPECT_EQ(*added, (std::vector<std::string>{"fabrikam", "widget"}));
  EXPECT_EQ(audit_count(domain::audit_activity::kAddBannedTerms), 1u);
  // Already present: nothing changes, nothing audited.
  ASSERT_TRUE(protection_->add_terms(op_, ctx_, tenant_, {"widget"}).ok());
  EXPECT_EQ(audit_count(domain::audit_activity::kAddBannedTerms), 1u);
  auto removed = protection_->remove_terms(op_, ctx_, tenant_, {"WIDGET"});
  ASSERT_TRUE(removed.ok()) << removed.error().technical;
  EXPECT_EQ(*removed, std::vector<std::string>{"fabrikam"});
  EXPECT_EQ(audit_count(domain::audit_activity::kRemoveBannedTerms), 1u);
  EXPECT_EQ(*protection_->list_terms(op_, tenant_), std::vector<std::string>{"fabrikam"});
  EXPECT_EQ(protection_->remove_terms(op_, ctx_, tenant_, {"absent"}).error().name, "NotFound");
}

TEST_F(PasswordProtectionTest, InvalidChangesWriteNothing) {
  EXPECT_FALSE(protection_->add_terms(op_, ctx_, tenant_, {"abc"}).ok());
  EXPECT_FALSE(protection_->add_terms(op_, ctx_, tenant_, {}).ok());
  std::vector<std::string> many;
  for (int i = 0; i < 1000; ++i) many.push_back("term" + std::to_string(10000 + i));
  ASSERT_TRUE(protection_->add_terms(op_, ctx_, tenant_, many).ok());
  EXPECT_FALSE(protection_->add_terms(op_, ctx_, tenant_, {"onemoreterm"}).ok());
  EXPECT_EQ(protection_->list_terms(op_, tenant_)->size(), 1000u);
  EXPECT_EQ(audit_count(domain::audit_activity::kAddBannedTerms), 1u);
}

TEST_F(PasswordProtectionTest, ChangesNeedPolicyPermission) {
  Actor reader{"token:reader", tenant_, static_cast<unsigned>(domain::Permission::kReadDirectory)};
  EXPECT_EQ(protection_->add_terms(reader, ctx_, tenant_, {"widget"}).error().name, "Forbidden");
  EXPECT_TRUE(protection_->list_terms(reader, tenant_).ok());
  Actor foreign{"token:other", tenant_ + 99, ~0u};
  EXPECT_FALSE(protection_->list_terms(foreign, tenant_).ok());
}

TEST_F(PasswordProtectionTest, EvaluateUsesCustomTermsAndUserNames) {
  auto strong = protection_->evaluate(op_, tenant_, std::nullopt, "Quiet-Harbour-Lamp-42");
  ASSERT_TRUE(strong.ok()) << strong.error().technical;
  EXPECT_TRUE(strong->evaluation.accepted);
  ASSERT_TRUE(strong->strength.has_value());
  EXPECT_EQ(strong->strength->score, 3);

  ASSERT_TRUE(protection_->add_terms(op_, ctx_, tenant_, {"harbour", "quiet", "lamp"}).ok());
  auto banned = protection_->evaluate(op_, tenant_, std::nullopt, "QuietHarbour!1");
  ASSERT_TRUE(banned.ok());
  EXPECT_FALSE(banned->evaluation.accepted);
  EXPECT_TRUE(banned->evaluation.has(PasswordReason::kBannedPassword));

  auto named = protection_->evaluate(op_, tenant_, std::string("alice@contoso.example"),
                                     "Lindqvist#Rocks2024");
  ASSERT_TRUE(named.ok()) << named.error().technical;
  EXPECT_TRUE(named->evaluation.has(PasswordReason::kContainsUserName));

  EXPECT_FALSE(
      protection_->evaluate(op_, tenant_, std::string("nobody@contoso.example"), "x").ok());
}

TEST_F(PasswordProtectionTest, AdministratorPasswordsFollowThePolicy) {
  ASSERT_TRUE(protection_->add_terms(op_, ctx_, tenant_, {"harbour"}).ok());
  domain::NewUser input;
  input.upn = "bob@contoso.example";
  input.display_name = "Bob Marley";
  input.given_name = "Bob";
  input.surname = "Marley";
  input.source = "cloud";
  auto weak = admin_->create_user(op_, ctx_, input, std::string("Harbour!12"));
  ASSERT_FALSE(weak.ok());
  EXPECT_EQ(weak.error().kind, domain::ErrorKind::kRejected);
  EXPECT_FALSE(admin_->user(op_, "bob@contoso.example").ok());
  EXPECT_EQ(audit_count(domain::audit_activity::kAddUser), 1u);  // alice only

  EXPECT_FALSE(admin_->set_password(op_, ctx_, "alice@contoso.example", "Lindqvist!2024x").ok());
  EXPECT_FALSE(admin_->set_password(op_, ctx_, "alice@contoso.example", "short").ok());
  EXPECT_EQ(audit_count(domain::audit_activity::kResetByAdmin), 0u);
  EXPECT_TRUE(
      admin_->set_password(op_, ctx_, "alice@contoso.example", "Quiet-Meadow-Lamp-42").ok());
  EXPECT_TRUE(admin_->create_user(op_, ctx_, input, std::string("Quiet-Meadow-Lamp-42")).ok());
}

}  // namespace
}  // namespace sspr::flows
