// "Contact your administrator" (SPEC §5.6): 3 requests per account and hour, 10 seconds before
// "try again", and who receives notices and requests (SPEC §6, §10): at most 100
// administrators, never the user the message is about, each address once.

#include "domain/reset/administrator_help.h"

#include <gtest/gtest.h>

#include "domain/locale_catalogue.h"
#include "domain/reset/notice_recipients.h"
#include "domain/reset/unlock_rule.h"

namespace sspr::domain::reset {
namespace {

TEST(AdministratorHelp, ThreeRequestsPerHour) {
  EXPECT_EQ(kRetryAfterSendFailure, std::chrono::seconds(10));
  EXPECT_EQ(kContactAdminWindow, std::chrono::hours(1));
  EXPECT_TRUE(contact_admin_allowed(0));
  EXPECT_TRUE(contact_admin_allowed(2));
  EXPECT_FALSE(contact_admin_allowed(3));
  EXPECT_FALSE(contact_admin_allowed(10));
  EXPECT_EQ(contact_admin_limit_reached().kind, ErrorKind::kThrottled);
  EXPECT_EQ(no_administrator_to_contact().kind, ErrorKind::kRejected);
}

TEST(AdministratorHelp, ErrorsHaveATextInEveryLanguage) {
  std::vector<std::string> keys;
  for (const auto& error :
       {contact_admin_limit_reached(), no_administrator_to_contact(), unlock_not_allowed()}) {
    EXPECT_EQ(error.message_key, "error." + error.name);
    keys.push_back(error.message_key);
  }
  EXPECT_EQ(sspr::testing::missing_locale_keys(keys), std::vector<std::string>{});
}

TEST(UnlockRule, PolicyOnAndSyncedUserOnly) {
  policy::SsprPolicy policy;
  User synced;
  synced.source = UserSource::kSynced;
  User cloud;
  EXPECT_FALSE(can_unlock(policy, synced));  // off by default
  policy.unlock = true;
  EXPECT_TRUE(can_unlock(policy, synced));
  EXPECT_FALSE(can_unlock(policy, cloud));
  EXPECT_EQ(unlock_not_allowed().kind, ErrorKind::kForbidden);
}

TEST(NoticeRecipients, UserGetsPrimaryAndAlternateOnce) {
  EXPECT_EQ(user_notice_recipients("alice@contoso.example", "alice.private@example.org"),
            (std::vector<std::string>{"alice@contoso.example", "alice.private@example.org"}));
  EXPECT_EQ(user_notice_recipients("Alice@Contoso.example", "alice@contoso.example"),
            (std::vector<std::string>{"Alice@Contoso.example"}));
  EXPECT_EQ(user_notice_recipients("", "alice.private@example.org"),
            (std::vector<std::string>{"alice.private@example.org"}));
  EXPECT_TRUE(user_notice_recipients("", " ").empty());
}

TEST(NoticeRecipients, OtherEnabledAdministratorsWithAnEmail) {
  const std::vector<AdministratorContact> admins = {
      {"alice@contoso.example", "alice@contoso.example", true},
      {"bob@contoso.example", "bob@contoso.example", true},
      {"carol@contoso.example", "", true},                      // no email
      {"dave@contoso.example", "dave@contoso.example", false},  // disabled
      {"erin@contoso.example", "BOB@contoso.example", true},    // same mailbox as Bob
      {"frank@contoso.example", "frank@contoso.example", true}};
  EXPECT_EQ(administrator_recipients(admins, "ALICE@contoso.example"),
            (std::vector<std::string>{"bob@contoso.example", "frank@contoso.example"}));
}

TEST(NoticeRecipients, AtMostOneHundredAdministrators) {
  std::vector<AdministratorContact> admins;
  for (int i = 0; i < 150; ++i) {
    const std::string upn = "admin" + std::to_string(i) + "@contoso.example";
    admins.push_back({upn, upn, true});
  }
  const auto to = administrator_recipients(admins, "admin0@contoso.example");
  ASSERT_EQ(to.size(), kMaxAdministratorRecipients);
  EXPECT_EQ(to.front(), "admin1@contoso.example");
  EXPECT_EQ(to.back(), "admin100@contoso.example");
}

}  // namespace
}  // namespace sspr::domain::reset
