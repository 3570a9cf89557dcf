#include "http/directory_requests.h"

#include <gtest/gtest.h>

#include "request_test_support.h"

namespace sspr::http {
namespace {

TEST(DirectoryRequests, NewUserReadsEveryField) {
  auto user = read_new_user_request(
      body(R"({"upn":"c@contoso.example","display_name":"Carol","given_name":"Carol",)"
           R"("surname":"Jensen","email":"c@contoso.example","enabled":false,"password":"pw"})"));
  ASSERT_TRUE(user);
  EXPECT_EQ(user->user.upn, "c@contoso.example");
  EXPECT_EQ(user->user.display_name, "Carol");
  EXPECT_EQ(user->user.surname, "Jensen");
  EXPECT_FALSE(user->user.enabled);
  EXPECT_EQ(user->user.source, "cloud");
  EXPECT_EQ(user->password, "pw");
  EXPECT_EQ(refused_field(read_new_user_request(body(R"({"upn":"c@contoso.example"})"))),
            "display_name");
  EXPECT_EQ(refused_field(
                read_new_user_request(body(R"({"upn":"c","display_name":"C","enabled":"no"})"))),
            "enabled");
}

TEST(DirectoryRequests, UserChangesKeepAbsentFieldsUnset) {
  auto changes = read_user_changes_request(body(R"({"surname":"Müller","enabled":true})"));
  ASSERT_TRUE(changes);
  EXPECT_EQ(changes->surname, "Müller");
  EXPECT_EQ(changes->enabled, true);
  EXPECT_FALSE(changes->display_name);
  EXPECT_EQ(refused_field(read_user_changes_request(body(R"({"email":3})"))), "email");
}

TEST(DirectoryRequests, GroupAndMember) {
  auto group = read_group_request(body(R"({"name":"SSPR Users"})"));
  ASSERT_TRUE(group);
  EXPECT_EQ(group->name, "SSPR Users");
  EXPECT_EQ(group->description, "");
  auto member = read_member_request(body(R"({"group":"Helpdesk"})"));
  ASSERT_TRUE(member);
  EXPECT_EQ(member->kind, domain::MemberKind::kGroup);
  EXPECT_EQ(member->member, "Helpdesk");
  EXPECT_EQ(refused_field(read_member_request(body(R"({"user":"a","group":"b"})"))), "user");
  EXPECT_EQ(refused_field(read_member_request(body("{}"))), "user");
}

TEST(DirectoryRequests, SubscriptionSeatsAreAnInt) {
  auto subscription = read_subscription_request(body(R"({"sku":"AAD_PREMIUM","seats":25})"));
  ASSERT_TRUE(subscription);
  EXPECT_EQ(subscription->seats, 25);
  EXPECT_EQ(refused_field(
                read_subscription_request(body(R"({"sku":"AAD_PREMIUM","seats":99999999999})"))),
            "seats");
}

TEST(DirectoryRequests, PhoneMethodByType) {
  auto office =
      read_phone_method_request(body(R"({"phoneNumber":"+45 32123456","phoneType":"office"})"));
  ASSERT_TRUE(office);
  EXPECT_EQ(office->type, domain::methods::MethodType::kOfficePhone);
  EXPECT_EQ(office->changes.office_phone, "+45 32123456");
  EXPECT_FALSE(office->changes.mobile_phone);
  EXPECT_EQ(refused_field(read_phone_method_request(
                body(R"({"phoneNumber":"+45 32123456","phoneType":"fax"})"))),
            "phoneType");
}

}  // namespace
}  // namespace sspr::http
