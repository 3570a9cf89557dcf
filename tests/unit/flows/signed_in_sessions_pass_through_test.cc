// Pass-through sign-in of SignedInSessions (SPEC §9) against the real store on a temporary
// SQLite database, with a fake of the on-premises bind port.
#include <gtest/gtest.h>

#include <filesystem>

#include "domain/audit_event.h"
#include "domain/onprem/writeback_errors.h"
#include "fakes/fixed_clock.h"
#include "flows/directory_administration.h"
#include "flows/onprem/onprem_user_bind.h"
#include "flows/signed_in_sessions.h"
#include "platform/argon2id_password_hasher.h"
#include "platform/sodium_random.h"
#include "store/open_store.h"

namespace sspr::flows {
namespace {

constexpr const char* kDn = "uid=pat,ou=people,dc=contoso,dc=example";
constexpr const char* kUpn = "pat@contoso.example";
constexpr const char* kPassword = "Directory-Pass-1";

// The directory: accepts kPassword for kDn, or is down.
class FakeUserBind final : public onprem::OnPremisesUserBind {
 public:
  domain::Result<bool> accepts(const domain::onprem::ConnectionSettings& settings,
                               const std::string& dn, const std::string& password) override {
    ++calls;
    last_url = settings.url;
    if (down)
      return domain::onprem::connectivity_error("connect failed: Can't contact LDAP server");
    return dn == kDn && password == kPassword;
  }
  int calls = 0;
  bool down = false;
  std::string last_url;
};

class PassThroughSignInTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("sspr-passthrough-test-" + random_.hex(8));
    auto opened = store::open_store({"", dir_.string(), 2});
    ASSERT_TRUE(opened.ok()) << opened.error().technical;
    store_ = std::move(opened).value();
    admin_ = std::make_unique<DirectoryAdministration>(*store_, clock_, random_, hasher_);
    sessions_ = std::make_unique<SignedInSessions>(*store_, clock_, random_, hasher_,
                                                   domain::SessionLimits{},
                                                   domain::SignInLockoutPolicy{}, &bind_);
    auto tenant = admin_->create_tenant(op_, ctx_, "Contoso", "contoso.example");
    ASSERT_TRUE(tenant.ok());
    tenant_ = tenant->id;
    add_user(kUpn, "pass_through", kDn);
    add_user("hash@contoso.example", "password_hash_sync", kDn);
  }
  void TearDown() override {
    sessions_.reset();
    admin_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  void add_user(const std::string& upn, const std::string& auth_mode, const std::string& dn) {
    domain::NewUser input;
    input.upn = upn;
    input.display_name = "Pat";
    input.source = "synced";
    input.auth_mode = auth_mode;
    input.onprem_id = dn;
    auto created = admin_->create_user(op_, ctx_, input, std::nullopt);
    ASSERT_TRUE(created.ok()) << created.error().technical;
  }

  void connect() {
    domain::onprem::ConnectionSettings settings;
    settings.tenant = tenant_;
    settings.url = "ldaps://127.0.0.1:636";
    settings.bind_dn = "cn=sspr-service,dc=contoso,dc=example";
    settings.bind_password_file = "/nonexistent";
    settings.base_dn = "dc=contoso,dc=example";
    ASSERT_TRUE(store_
                    ->transact([&](store::StoreTransaction& tx) {
                      tx.save_onprem_connection(settings);
                      return domain::ok_status();
                    })
                    .ok());
  }

  std::vector<domain::AuditEvent> sign_in_audit() {
    store::AuditQuery query;
    query.activity = std::string(domain::audit_activity::kSignIn);
    query.limit = 1000;
    return *admin_->audit(op_, query);
  }

  domain::Result<SignedIn> sign_in(const std::string& password, const std::string& upn = kUpn) {
    return sessions_->sign_in(ctx_, upn, password);
  }

  sspr::testing::FixedClock clock_;
  platform::SodiumRandom random_;
  platform::Argon2idPasswordHasher hasher_{{8, 1}};
  FakeUserBind bind_;
  std::filesystem::path dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<DirectoryAdministration> admin_;
  std::unique_ptr<SignedInSessions> sessions_;
  domain::TenantId tenant_ = 0;
  domain::Actor op_ = domain::Actor::operator_cli();
  domain::RequestContext ctx_{"corr-1", "127.0.0.1", "support-1"};
};

TEST_F(PassThroughSignInTest, TheDirectoryAcceptingTheBindOpensASession) {
  connect();
  auto signed_in = sign_in(kPassword);
  ASSERT_TRUE(signed_in.ok()) << signed_in.error().technical;
  EXPECT_EQ(signed_in->signed_in.user.upn, kUpn);
  EXPECT_EQ(bind_.last_url, "ldaps://127.0.0.1:636");
  auto events = sign_in_audit();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].result, "success");
}

TEST_F(PassThroughSignInTest, ARefusedBindIsAWrongPasswordAndCountsTowardsTheLockout) {
  connect();
  for (int i = 0; i < 9; ++i) {
    auto result = sign_in("Wrong-" + std::to_string(i));
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().name, "InvalidCredentials");
  }
  auto tenth = sign_in("Wrong-9");
  ASSERT_FALSE(tenth.ok());
  EXPECT_EQ(tenth.error().name, "SignInLocked");
  const int calls = bind_.calls;
  auto locked = sign_in(kPassword);
  ASSERT_FALSE(locked.ok());
  EXPECT_EQ(locked.error().name, "SignInLocked");
  EXPECT_EQ(bind_.calls, calls);  // the directory is not asked while locked
}

TEST_F(PassThroughSignInTest, AnUnreachableDirectoryIsItsOwnErrorAndNotCounted) {
  connect();
  bind_.down = true;
  for (int i = 0; i < 12; ++i) {
    auto result = sign_in(kPassword);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, "SSPR_0030");
  }
  auto events = sign_in_audit();
  ASSERT_EQ(events.size(), 12u);
  EXPECT_EQ(events[0].result_reason, "OnPremisesConnectivityError");
  EXPECT_EQ(events[0].support_code, "support-1");
  bind_.down = false;
  EXPECT_TRUE(sign_in(kPassword).ok());
}

TEST_F(PassThroughSignInTest, WithoutAConnectionOrForOtherAuthModesTheDirectoryIsNotConnected) {
  auto result = sign_in(kPassword);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().name, "OnPremisesDirectoryNotConnected");
  connect();
  auto hash_sync = sign_in(kPassword, "hash@contoso.example");
  ASSERT_FALSE(hash_sync.ok());
  EXPECT_EQ(hash_sync.error().name, "OnPremisesDirectoryNotConnected");
  EXPECT_EQ(bind_.calls, 0);
}

TEST_F(PassThroughSignInTest, ADisabledAccountIsRefusedWithoutAskingTheDirectory) {
  connect();
  UserChanges changes;
  changes.enabled = false;
  ASSERT_TRUE(admin_->update_user(op_, ctx_, kUpn, changes).ok());
  auto result = sign_in(kPassword);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().name, "InvalidCredentials");
  EXPECT_EQ(bind_.calls, 0);
}

}  // namespace
}  // namespace sspr::flows
