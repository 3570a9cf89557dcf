#include "flows/onprem/unconfigured_onprem_directory.h"

#include <gtest/gtest.h>

namespace sspr::flows::onprem {
namespace {

TEST(UnconfiguredOnPremisesDirectory, EveryCallIsSspr0029WithoutThePassword) {
  UnconfiguredOnPremisesDirectory directory;
  domain::User user;
  user.upn = "sam@contoso.example";
  user.source = domain::UserSource::kSynced;
  const auto set = directory.set_password(7, user, "Quartz-Violin-8-Tundra");
  ASSERT_FALSE(set.ok());
  EXPECT_EQ(set.error().code, "SSPR_0029");
  EXPECT_EQ(set.error().name, "OnPremisesAdminActionRequired");
  EXPECT_NE(set.error().technical.find("no on-premises connection is configured for this tenant"),
            std::string::npos);
  EXPECT_EQ(set.error().technical.find("Quartz"), std::string::npos);
  const auto unlocked = directory.unlock(7, user);
  ASSERT_FALSE(unlocked.ok());
  EXPECT_EQ(unlocked.error().code, "SSPR_0029");
}

}  // namespace
}  // namespace sspr::flows::onprem
