#include "domain/admin_role.h"

#include <gtest/gtest.h>

#include <set>

namespace sspr::domain {
namespace {

TEST(AdminRole, IdsAreUniqueAndFindable) {
  std::set<std::string_view> ids;
  for (const auto& role : all_admin_roles()) {
    EXPECT_TRUE(ids.insert(role.id).second) << role.id;
    EXPECT_TRUE(find_admin_role(role.id).has_value());
    EXPECT_TRUE(grants(role, Permission::kReadDirectory)) << role.id;
  }
  EXPECT_GE(ids.size(), 20u);
  EXPECT_FALSE(find_admin_role("janitor").has_value());
}

TEST(AdminRole, GlobalAdministratorMayDoEverything) {
  auto global = find_admin_role("global-administrator");
  ASSERT_TRUE(global);
  for (unsigned bit = 1; bit <= static_cast<unsigned>(Permission::kReadAudit); bit <<= 1) {
    EXPECT_TRUE(grants(*global, static_cast<Permission>(bit))) << bit;
  }
}

TEST(AdminRole, NarrowRolesStayNarrow) {
  EXPECT_FALSE(grants(*find_admin_role("billing-administrator"), Permission::kManageUsers));
  EXPECT_FALSE(grants(*find_admin_role("helpdesk-administrator"), Permission::kManageRoles));
  EXPECT_TRUE(grants(*find_admin_role("helpdesk-administrator"), Permission::kResetPasswords));
  EXPECT_FALSE(
      grants(*find_admin_role("helpdesk-administrator"), Permission::kResetAdminPasswords));
  EXPECT_TRUE(grants(*find_admin_role("user-administrator"), Permission::kManageUsers));
}

}  // namespace
}  // namespace sspr::domain
