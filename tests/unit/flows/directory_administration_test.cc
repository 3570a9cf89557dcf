// DirectoryAdministration against the real store on a temporary SQLite database.
#include "flows/directory_administration.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "domain/clock.h"
#include "fakes/fixed_clock.h"
#include "flows/directory_test.h"
#include "platform/argon2id_password_hasher.h"
#include "platform/sodium_random.h"
#include "store/open_store.h"

namespace sspr::flows {
namespace {

using domain::Actor;
using domain::MemberKind;
using domain::RequestContext;

class DirectoryAdministrationTest : public DirectoryTest {
 protected:
  UserDetails make_user(const std::string& upn, const std::string& source = "cloud") {
    domain::NewUser input;
    input.upn = upn;
    input.display_name = upn.substr(0, upn.find('@'));
    input.source = source;
    auto created = admin_->create_user(op_, ctx_, input, std::nullopt);
    EXPECT_TRUE(created.ok()) << created.error().technical;
    return created.ok() ? *created : UserDetails{};
  }

  std::size_t audit_count() {
    store::AuditQuery query;
    query.limit = 1000;
    return admin_->audit(op_, query)->size();
  }

  Actor token_actor(const std::string& role) {
    auto token = admin_->create_token(op_, ctx_, tenant_, "", role);
    EXPECT_TRUE(token.ok());
    auto actor = admin_->authenticate_token(token->secret);
    EXPECT_TRUE(actor.ok());
    return *actor;
  }
};

TEST_F(DirectoryAdministrationTest, CreateUserStoresPasswordHashAndAuditsWithoutIt) {
  domain::NewUser input;
  input.upn = "Alice@Contoso.example";
  input.display_name = "Alice";
  auto created = admin_->create_user(op_, ctx_, input, std::string("Correct-Horse-9"));
  ASSERT_TRUE(created.ok()) << created.error().technical;
  EXPECT_EQ(created->user.upn, "alice@contoso.example");
  EXPECT_TRUE(created->user.has_password);
  EXPECT_EQ(created->tenant_name, "Contoso");

  store::AuditQuery query;
  query.activity = "Add user";
  auto events = admin_->audit(op_, query);
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ(events->front().target, "alice@contoso.example");
  EXPECT_EQ(events->front().actor, "cli");
  EXPECT_EQ(events->front().correlation_id, "corr-1");
  EXPECT_EQ(events->front().details.dump().find("Correct-Horse-9"), std::string::npos);

  std::optional<std::string> hash;
  ASSERT_TRUE(store_->transact([&](store::StoreTransaction& tx) {
    hash = tx.password_hash(created->user.id);
    return domain::ok_status();
  }));
  ASSERT_TRUE(hash);
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(hasher_.verify("Correct-Horse-9", *hash));
}

TEST_F(DirectoryAdministrationTest, RejectedOperationsWriteNothing) {
  make_user("alice@contoso.example");
  const auto before = audit_count();
  domain::NewUser dup;
  dup.upn = "ALICE@contoso.example";
  dup.display_name = "Alice again";
  EXPECT_EQ(admin_->create_user(op_, ctx_, dup, std::nullopt).error().name, "AlreadyExists");
  dup.upn = "bob@fabrikam.example";
  EXPECT_EQ(admin_->create_user(op_, ctx_, dup, std::nullopt).error().name, "UnknownTenant");
  EXPECT_EQ(admin_->assign_license_to_user(op_, ctx_, "alice@contoso.example", "GOLD").error().name,
            "UnknownSku");
  EXPECT_EQ(admin_->create_tenant(op_, ctx_, "Again", "contoso.example").error().name,
            "AlreadyExists");
  EXPECT_EQ(audit_count(), before);
  auto page = admin_->list_users(op_, tenant_, 0, 100);
  EXPECT_EQ(page->users.size(), 1u);
  EXPECT_EQ(page->total, 1u);
}

TEST_F(DirectoryAdministrationTest, LicenceThroughNestedGroupGrantsSspr) {
  auto alice = make_user("alice@contoso.example");
  EXPECT_FALSE(alice.licensed_for_sspr);
  ASSERT_TRUE(admin_->create_group(op_, ctx_, tenant_, "SSPR Users", "").ok());
  ASSERT_TRUE(admin_->create_group(op_, ctx_, tenant_, "Sales", "").ok());
  ASSERT_TRUE(admin_->create_group(op_, ctx_, tenant_, "Sales EMEA", "").ok());
  ASSERT_TRUE(
      admin_->add_member(op_, ctx_, tenant_, "SSPR Users", MemberKind::kGroup, "Sales").ok());
  ASSERT_TRUE(
      admin_->add_member(op_, ctx_, tenant_, "Sales", MemberKind::kGroup, "Sales EMEA").ok());
  ASSERT_TRUE(
      admin_
          ->add_member(op_, ctx_, tenant_, "Sales EMEA", MemberKind::kUser, "alice@contoso.example")
          .ok());
  ASSERT_TRUE(admin_->assign_license_to_group(op_, ctx_, tenant_, "SSPR Users", "PREMIUM_P1").ok());
  auto details = admin_->user(op_, "alice@contoso.example");
  ASSERT_TRUE(details.ok());
  EXPECT_EQ(details->licenses, std::vector<std::string>{"PREMIUM_P1"});
  EXPECT_TRUE(details->licensed_for_sspr);
  EXPECT_EQ(details->groups.size(), 3u);
}

TEST_F(DirectoryAdministrationTest, O365LicenceDoesNotCoverSyncedUsers) {
  make_user("dave@contoso.example", "synced");
  auto details = admin_->assign_license_to_user(op_, ctx_, "dave@contoso.example", "O365_PAID");
  ASSERT_TRUE(details.ok());
  EXPECT_FALSE(details->licensed_for_sspr);
  details = admin_->assign_license_to_user(op_, ctx_, "dave@contoso.example", "EMS");
  EXPECT_TRUE(details->licensed_for_sspr);
}

TEST_F(DirectoryAdministrationTest, MembershipCycleTerminates) {
  make_user("alice@contoso.example");
  for (const char* name : {"A", "B"}) {
    ASSERT_TRUE(admin_->create_group(op_, ctx_, tenant_, name, "").ok());
  }
  ASSERT_TRUE(admin_->add_member(op_, ctx_, tenant_, "A", MemberKind::kGroup, "B").ok());
  ASSERT_TRUE(admin_->add_member(op_, ctx_, tenant_, "B", MemberKind::kGroup, "A").ok());
  ASSERT_TRUE(
      admin_->add_member(op_, ctx_, tenant_, "A", MemberKind::kUser, "alice@contoso.example").ok());
  auto details = admin_->user(op_, "alice@contoso.example");
  ASSERT_TRUE(details.ok());
  auto groups = details->groups;
  std::sort(groups.begin(), groups.end());
  EXPECT_EQ(groups, (std::vector<std::string>{"A", "B"}));
  EXPECT_EQ(admin_->add_member(op_, ctx_, tenant_, "A", MemberKind::kGroup, "A").error().name,
            "InvalidInput");
}

TEST_F(DirectoryAdministrationTest, SeatLimitRefusesAndRollsBack) {
  make_user("alice@contoso.example");
  make_user("bob@contoso.example");
  ASSERT_TRUE(admin_->add_subscription(op_, ctx_, tenant_, "PREMIUM_P1", 1).ok());
  ASSERT_TRUE(
      admin_->assign_license_to_user(op_, ctx_, "alice@contoso.example", "PREMIUM_P1").ok());
  auto second = admin_->assign_license_to_user(op_, ctx_, "bob@contoso.example", "PREMIUM_P1");
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().name, "LicenseSeatsExhausted");
  EXPECT_TRUE(admin_->user(op_, "bob@contoso.example")->licenses.empty());
}

TEST_F(DirectoryAdministrationTest, TokensActWithinTheirRoleAndTenant) {
  make_user("alice@contoso.example");
  auto billing = token_actor("billing-administrator");
  EXPECT_TRUE(admin_->user(billing, "alice@contoso.example").ok());
  domain::NewUser input;
  input.upn = "eve@contoso.example";
  input.display_name = "Eve";
  EXPECT_EQ(admin_->create_user(billing, ctx_, input, std::nullopt).error().name, "Forbidden");

  auto other = admin_->create_tenant(op_, ctx_, "Fabrikam", "fabrikam.example");
  ASSERT_TRUE(other.ok());
  auto foreign = token_actor("global-administrator");
  foreign.tenant = other->id;
  EXPECT_EQ(admin_->user(foreign, "alice@contoso.example").error().name, "NotFound");
  EXPECT_EQ(admin_->create_user(foreign, ctx_, input, std::nullopt).error().name, "UnknownTenant");
}

TEST_F(DirectoryAdministrationTest, RevokedAndForeignTokensAreRefused) {
  auto token = admin_->create_token(op_, ctx_, tenant_, "ci", "");
  ASSERT_TRUE(token.ok());
  EXPECT_EQ(token->token.role, "global-administrator");
  EXPECT_TRUE(admin_->authenticate_token(token->secret).ok());
  EXPECT_EQ(admin_->authenticate_token("sspr_" + std::string(64, '0')).error().name,
            "Unauthenticated");
  EXPECT_EQ(admin_->authenticate_token("Basic xyz").error().name, "Unauthenticated");
  ASSERT_TRUE(admin_->revoke_token(op_, ctx_, tenant_, "ci").ok());
  EXPECT_EQ(admin_->authenticate_token(token->secret).error().name, "Unauthenticated");
  EXPECT_EQ(admin_->create_token(op_, ctx_, tenant_, "x", "janitor").error().name, "UnknownRole");
}

TEST_F(DirectoryAdministrationTest, RolesMakeAdministrators) {
  make_user("admin@contoso.example");
  auto details = admin_->assign_role(op_, ctx_, "admin@contoso.example", "global-administrator");
  ASSERT_TRUE(details.ok());
  EXPECT_TRUE(details->is_administrator);
  EXPECT_EQ(
      admin_->assign_role(op_, ctx_, "admin@contoso.example", "global-administrator").error().name,
      "AlreadyExists");
  details = admin_->remove_role(op_, ctx_, "admin@contoso.example", "global-administrator");
  EXPECT_FALSE(details->is_administrator);
}

// A signed-in user acts on the admin API with the permissions of the roles they hold now.
TEST_F(DirectoryAdministrationTest, SignedInUsersActWithTheirRoles) {
  auto plain = make_user("alice@contoso.example");
  auto actor = admin_->actor_for_user(plain.user);
  ASSERT_TRUE(actor.ok());
  EXPECT_EQ(actor->name, "alice@contoso.example");
  EXPECT_EQ(actor->tenant, tenant_);
  EXPECT_EQ(actor->permissions, 0u);

  auto helpdesk = make_user("hal@contoso.example");
  ASSERT_TRUE(admin_->assign_role(op_, ctx_, "hal@contoso.example", "helpdesk-administrator").ok());
  actor = admin_->actor_for_user(helpdesk.user);
  ASSERT_TRUE(actor.ok());
  EXPECT_EQ(actor->permissions, domain::find_admin_role("helpdesk-administrator")->permissions);
  EXPECT_TRUE(actor->may(domain::Permission::kResetPasswords));
  EXPECT_FALSE(actor->may(domain::Permission::kManagePolicy));

  ASSERT_TRUE(admin_->assign_role(op_, ctx_, "hal@contoso.example", "security-administrator").ok());
  actor = admin_->actor_for_user(helpdesk.user);
  EXPECT_EQ(actor->permissions, domain::find_admin_role("helpdesk-administrator")->permissions |
                                    domain::find_admin_role("security-administrator")->permissions);
  ASSERT_TRUE(admin_->remove_role(op_, ctx_, "hal@contoso.example", "helpdesk-administrator").ok());
  ASSERT_TRUE(admin_->remove_role(op_, ctx_, "hal@contoso.example", "security-administrator").ok());
  EXPECT_EQ(admin_->actor_for_user(helpdesk.user)->permissions, 0u);
}

}  // namespace
}  // namespace sspr::flows
