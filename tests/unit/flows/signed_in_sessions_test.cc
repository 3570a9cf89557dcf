// SignedInSessions and SelfServicePasswordChange against the real store on a temporary SQLite
// database, with a clock the tests move.
#include "flows/signed_in_sessions.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "domain/audit_event.h"
#include "fakes/fixed_clock.h"
#include "flows/directory_administration.h"
#include "flows/self_service_password_change.h"
#include "platform/argon2id_password_hasher.h"
#include "platform/sodium_random.h"
#include "store/open_store.h"

namespace sspr::flows {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

constexpr const char* kPassword = "Kx7!morning-Tide";

using MovableClock = sspr::testing::FixedClock;

class SignedInSessionsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("sspr-signin-test-" + random_.hex(8));
    auto opened = store::open_store({"", dir_.string(), 2});
    ASSERT_TRUE(opened.ok()) << opened.error().technical;
    store_ = std::move(opened).value();
    admin_ = std::make_unique<DirectoryAdministration>(*store_, clock_, random_, hasher_);
    sessions_ = std::make_unique<SignedInSessions>(*store_, clock_, random_, hasher_);
    change_ = std::make_unique<SelfServicePasswordChange>(*store_, clock_, random_, hasher_);
    ASSERT_TRUE(admin_->create_tenant(op_, ctx_, "Contoso", "contoso.example").ok());
    add_user("alice@contoso.example", "cloud", kPassword);
    add_user("sam@contoso.example", "synced", std::nullopt);
  }
  void TearDown() override {
    change_.reset();
    sessions_.reset();
    admin_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  void add_user(const std::string& upn, const std::string& source,
                const std::optional<std::string>& password) {
    domain::NewUser input;
    input.upn = upn;
    input.display_name = "Alice Lindqvist";
    input.given_name = "Alice";
    input.surname = "Lindqvist";
    input.source = source;
    auto created = admin_->create_user(op_, ctx_, input, password);
    ASSERT_TRUE(created.ok()) << created.error().technical;
  }

  std::vector<domain::AuditEvent> audit(std::string_view activity) {
    store::AuditQuery query;
    query.activity = std::string(activity);
    query.limit = 1000;
    return *admin_->audit(op_, query);
  }

  domain::Result<SignedIn> sign_in(const std::string& password,
                                   const std::string& upn = "alice@contoso.example") {
    return sessions_->sign_in(ctx_, upn, password);
  }

  MovableClock clock_;
  platform::SodiumRandom random_;
  platform::Argon2idPasswordHasher hasher_{{8, 1}};
  std::filesystem::path dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<DirectoryAdministration> admin_;
  std::unique_ptr<SignedInSessions> sessions_;
  std::unique_ptr<SelfServicePasswordChange> change_;
  domain::Actor op_ = domain::Actor::operator_cli();
  domain::RequestContext ctx_{"corr-1", "127.0.0.1"};
};

TEST_F(SignedInSessionsTest, SignInOpensASessionFoundByItsToken) {
  auto signed_in = sign_in(kPassword);
  ASSERT_TRUE(signed_in.ok()) << signed_in.error().technical;
  EXPECT_EQ(signed_in->token.size(), 64u);
  EXPECT_NE(signed_in->signed_in.session.id, signed_in->token);
  EXPECT_EQ(signed_in->signed_in.user.upn, "alice@contoso.example");
  auto found = sessions_->lookup(signed_in->token);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->csrf_token, signed_in->signed_in.csrf_token);
  EXPECT_NE(found->csrf_token, found->session.id);
  EXPECT_FALSE(sessions_->lookup(signed_in->token + "0").ok());
  auto events = audit(domain::audit_activity::kSignIn);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].result, "success");
  EXPECT_EQ(events[0].details.dump().find(kPassword), std::string::npos);
}

TEST_F(SignedInSessionsTest, UnknownUserWrongPasswordAndBadUpnGetTheSameError) {
  for (auto result : {sign_in("wrong-Password1"), sign_in(kPassword, "nobody@contoso.example"),
                      sign_in(kPassword, "not a upn")}) {
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().name, "InvalidCredentials");
    EXPECT_EQ(result.error().kind, domain::ErrorKind::kUnauthenticated);
  }
}

TEST_F(SignedInSessionsTest, SyncedUserIsToldTheDirectoryIsNotConnected) {
  auto result = sign_in("anything", "sam@contoso.example");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().name, "OnPremisesDirectoryNotConnected");
}

TEST_F(SignedInSessionsTest, DisabledUserGetsInvalidCredentials) {
  UserChanges changes;
  changes.enabled = false;
  ASSERT_TRUE(admin_->update_user(op_, ctx_, "alice@contoso.example", changes).ok());
  auto result = sign_in(kPassword);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().name, "InvalidCredentials");
}

TEST_F(SignedInSessionsTest, TenDistinctWrongPasswordsLockForOneMinute) {
  for (int i = 0; i < 9; ++i) {
    auto result = sign_in("wrong-" + std::to_string(i));
    EXPECT_EQ(result.error().name, "InvalidCredentials") << i;
  }
  auto tenth = sign_in("wrong-9");
  EXPECT_EQ(tenth.error().name, "SignInLocked");
  clock_.advance(seconds(59));
  auto still = sign_in(kPassword);
  ASSERT_FALSE(still.ok());
  EXPECT_EQ(still.error().name, "SignInLocked");
  EXPECT_NE(still.error().technical.find("1 more seconds"), std::string::npos);
  clock_.advance(seconds(1));
  EXPECT_TRUE(sign_in(kPassword).ok());
}

TEST_F(SignedInSessionsTest, TheSameWrongPasswordTwentyTimesDoesNotLock) {
  for (int i = 0; i < 20; ++i) EXPECT_EQ(sign_in("wrong-same").error().name, "InvalidCredentials");
  EXPECT_TRUE(sign_in(kPassword).ok());
}

TEST_F(SignedInSessionsTest, SessionsEndWhenIdleOrTooOld) {
  auto signed_in = sign_in(kPassword);
  ASSERT_TRUE(signed_in.ok());
  // Used every 29 minutes: alive until the absolute limit of 12 hours.
  for (int i = 0; i < 24; ++i) {
    clock_.advance(minutes(29));
    ASSERT_TRUE(sessions_->lookup(signed_in->token).ok()) << i;
  }
  clock_.advance(minutes(29));  // 12 h 05 min after sign-in
  EXPECT_EQ(sessions_->lookup(signed_in->token).error().name, "Unauthenticated");

  auto idle = sign_in(kPassword);
  clock_.advance(minutes(30));
  EXPECT_FALSE(sessions_->lookup(idle->token).ok());
}

TEST_F(SignedInSessionsTest, SignOutEndsTheSession) {
  auto signed_in = sign_in(kPassword);
  ASSERT_TRUE(sessions_->sign_out(ctx_, signed_in->signed_in).ok());
  EXPECT_FALSE(sessions_->lookup(signed_in->token).ok());
  EXPECT_EQ(audit(domain::audit_activity::kSignOut).size(), 1u);
}

TEST_F(SignedInSessionsTest, PasswordChangeChecksCurrentReuseAndPolicy) {
  auto signed_in = sign_in(kPassword);
  ASSERT_TRUE(signed_in.ok());
  const auto& who = signed_in->signed_in;

  auto wrong = change_->change(ctx_, who, "not-it", "Fresh!Quartz-42x");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->error.name, "CurrentPasswordIncorrect");

  auto reused = change_->change(ctx_, who, kPassword, kPassword);
  ASSERT_TRUE(reused && reused->evaluation);
  EXPECT_TRUE(reused->evaluation->has(domain::password::PasswordReason::kReusedPassword));

  auto banned = change_->change(ctx_, who, kPassword, "Password123!");
  ASSERT_TRUE(banned && banned->evaluation);
  EXPECT_EQ(banned->error.name, "FuzzyPolicyViolationInvalidPassword");

  auto second = sign_in(kPassword);  // another session, ended by the change
  ASSERT_TRUE(second.ok());
  EXPECT_FALSE(change_->change(ctx_, who, kPassword, "Fresh!Quartz-42x"));
  EXPECT_TRUE(sessions_->lookup(signed_in->token).ok());
  EXPECT_FALSE(sessions_->lookup(second->token).ok());
  EXPECT_EQ(sign_in(kPassword).error().name, "InvalidCredentials");
  EXPECT_TRUE(sign_in("Fresh!Quartz-42x").ok());

  auto events = audit(domain::audit_activity::kChangePassword);
  ASSERT_EQ(events.size(), 4u);
  int failures = 0;
  for (const auto& event : events) {
    EXPECT_EQ(event.category, domain::audit_category::kSelfService);
    EXPECT_EQ(event.details.dump().find("Quartz"), std::string::npos);
    if (event.result == "failure") ++failures;
  }
  EXPECT_EQ(failures, 3);
}

}  // namespace
}  // namespace sspr::flows
