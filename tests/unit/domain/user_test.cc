#include "domain/user.h"

#include <gtest/gtest.h>

namespace sspr::domain {
namespace {

NewUser alice() {
  NewUser input;
  input.upn = "Alice@Contoso.Example";
  input.display_name = "Alice Smith";
  return input;
}

TEST(NewUserValidation, CloudUserByDefault) {
  auto user = validate_new_user(alice());
  ASSERT_TRUE(user.ok());
  EXPECT_EQ(user->upn, "alice@contoso.example");
  EXPECT_EQ(user->source, UserSource::kCloud);
  EXPECT_FALSE(user->auth_mode.has_value());
  EXPECT_FALSE(user->password_managed_on_premises());
}

TEST(NewUserValidation, SyncedUsersGetAnAuthMode) {
  auto input = alice();
  input.source = "synced";
  auto user = validate_new_user(input);
  ASSERT_TRUE(user.ok());
  EXPECT_EQ(user->auth_mode, AuthMode::kPasswordHashSync);
  EXPECT_TRUE(user->password_managed_on_premises());
  input.auth_mode = "federated";
  EXPECT_EQ(validate_new_user(input)->auth_mode, AuthMode::kFederated);
  input.auth_mode = "kerberos";
  EXPECT_EQ(validate_new_user(input).error().technical.substr(0, 9), "auth_mode");
}

TEST(NewUserValidation, RejectsBadFields) {
  auto input = alice();
  input.display_name = "";
  EXPECT_FALSE(validate_new_user(input).ok());
  input = alice();
  input.source = "ldap";
  EXPECT_FALSE(validate_new_user(input).ok());
  input = alice();
  input.auth_mode = "pass_through";  // only for synced users
  EXPECT_FALSE(validate_new_user(input).ok());
  input = alice();
  input.email = "not an email";
  EXPECT_FALSE(validate_new_user(input).ok());
  input = alice();
  input.given_name = std::string("a\x01", 2);
  EXPECT_FALSE(validate_new_user(input).ok());
}

}  // namespace
}  // namespace sspr::domain
