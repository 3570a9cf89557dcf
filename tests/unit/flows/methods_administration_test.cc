// Administrators' use cases on authentication methods against the real store (temporary
// SQLite): pre-population with validation and masked audit details, permissions (helpdesk
// refused, authentication administrators limited to non-administrators), nothing written on
// a refusal, the CSV import applying good rows and reporting bad ones, and custom questions.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "domain/admin_role.h"
#include "domain/audit_event.h"
#include "flows/directory_administration.h"
#include "flows/directory_test.h"
#include "platform/argon2id_password_hasher.h"
#include "platform/sodium_random.h"
#include "store/open_store.h"

namespace sspr::flows {
namespace {

using domain::Actor;
namespace methods = domain::methods;
using methods::MethodType;

class MethodsAdministrationTest : public DirectoryTest {
 protected:
  void SetUp() override {
    DirectoryTest::SetUp();
    if (HasFatalFailure()) return;
    for (const char* upn :
         {"alice@contoso.example", "bob@contoso.example", "boss@contoso.example"}) {
      domain::NewUser input;
      input.upn = upn;
      input.display_name = upn;
      ASSERT_TRUE(admin_->create_user(op_, ctx_, input, std::nullopt).ok());
    }
    ASSERT_TRUE(
        admin_->assign_role(op_, ctx_, "boss@contoso.example", "global-administrator").ok());
  }

  Actor token(const std::string& role) {
    return Actor{"token:" + role, tenant_, domain::find_admin_role(role)->permissions};
  }

  std::vector<methods::RegisteredMethod> methods_of(const std::string& upn) {
    return admin_->user_methods(op_, upn)->methods;
  }

  static methods::ContactMethodChanges mobile(const std::string& number) {
    methods::ContactMethodChanges changes;
    changes.mobile_phone = number;
    return changes;
  }
};

TEST_F(MethodsAdministrationTest, SetsPhonesAndEmailNormalisedWithSourceAdmin) {
  methods::ContactMethodChanges changes;
  changes.mobile_phone = "+1 (425) 555-0100";
  changes.office_phone = "0045 32 12 34 56 ext. 77";
  changes.email = "Alice.Smith@Example.ORG";
  auto view = admin_->set_contact_methods(op_, ctx_, "alice@contoso.example", changes);
  ASSERT_TRUE(view.ok()) << view.error().technical;
  ASSERT_EQ(view->methods.size(), 3u);
  for (const auto& method : view->methods) {
    EXPECT_EQ(method.source, methods::MethodSource::kAdmin);
    switch (method.type) {
      case MethodType::kMobilePhone:
        EXPECT_EQ(method.value, "+14255550100");
        break;
      case MethodType::kOfficePhone:
        EXPECT_EQ(method.value, "+4532123456");
        EXPECT_EQ(method.extension, "77");
        break;
      case MethodType::kEmail:
        EXPECT_EQ(method.value, "Alice.Smith@example.org");
        break;
      default:
        ADD_FAILURE() << "unexpected method";
    }
  }
  auto json = to_json(*view);
  EXPECT_EQ(json["value"].size(), 3u);
  std::set<std::string> ids;
  for (const auto& method : json["value"]) ids.insert(method["id"]);
  EXPECT_EQ(ids, (std::set<std::string>{"mobile", "office", "email"}));
}

TEST_F(MethodsAdministrationTest, EachDataSetIsAuditedWithTheMaskedValueOnly) {
  ASSERT_TRUE(
      admin_->set_contact_methods(op_, ctx_, "alice@contoso.example", mobile("+14255550100")).ok());
  ASSERT_TRUE(
      admin_->set_contact_methods(op_, ctx_, "alice@contoso.example", mobile("+14255550199")).ok());
  auto events = audit_of(domain::audit_activity::kAdminRegisteredMethod);
  ASSERT_EQ(events.size(), 2u);
  for (const auto& event : events) {
    EXPECT_EQ(event.category, domain::audit_category::kUserManagement);
    EXPECT_EQ(event.target, "alice@contoso.example");
    EXPECT_EQ(event.details["method"], "mobile_phone");
    EXPECT_EQ(event.details.dump().find("5550"), std::string::npos) << event.details.dump();
  }
  EXPECT_EQ(events[0].details["value"], "+1 XXXXXXXX99");  // newest first
  EXPECT_EQ(events[0].details["replaced"], "+1 XXXXXXXX00");
  // A change replaces: still one mobile phone.
  EXPECT_EQ(methods_of("alice@contoso.example").size(), 1u);
}

TEST_F(MethodsAdministrationTest, AnInvalidValueWritesNothingEvenWhenOthersAreValid) {
  methods::ContactMethodChanges changes;
  changes.mobile_phone = "+14255550100";
  changes.email = "not-an-address";
  auto refused = admin_->set_contact_methods(op_, ctx_, "alice@contoso.example", changes);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().name, "InvalidInput");
  EXPECT_EQ(refused.error().message_key, "error.InvalidEmailAddress");
  EXPECT_TRUE(methods_of("alice@contoso.example").empty());
  EXPECT_TRUE(audit_of(domain::audit_activity::kAdminRegisteredMethod).empty());

  EXPECT_FALSE(admin_->set_contact_methods(op_, ctx_, "alice@contoso.example", {}).ok());
  EXPECT_FALSE(
      admin_->set_contact_methods(op_, ctx_, "alice@contoso.example", mobile("4255550100")).ok());
  EXPECT_FALSE(
      admin_->set_contact_methods(op_, ctx_, "alice@contoso.example", mobile("+14255550100 x12"))
          .ok());
  EXPECT_TRUE(methods_of("alice@contoso.example").empty());
}

TEST_F(MethodsAdministrationTest, PermissionsFollowTheRoles) {
  for (const char* role :
       {"helpdesk-administrator", "billing-administrator", "user-administrator"}) {
    auto refused = admin_->set_contact_methods(token(role), ctx_, "alice@contoso.example",
                                               mobile("+14255550100"));
    ASSERT_FALSE(refused.ok()) << role;
    EXPECT_EQ(refused.error().name, "Forbidden") << role;
    EXPECT_EQ(admin_->user_methods(token(role), "alice@contoso.example").error().name, "Forbidden");
  }
  const auto auth_admin = token("authentication-administrator");
  EXPECT_TRUE(
      admin_->set_contact_methods(auth_admin, ctx_, "alice@contoso.example", mobile("+14255550100"))
          .ok());
  // An authentication administrator may not change an administrator's methods...
  auto boss =
      admin_->set_contact_methods(auth_admin, ctx_, "boss@contoso.example", mobile("+14255550100"));
  ASSERT_FALSE(boss.ok());
  EXPECT_EQ(boss.error().name, "Forbidden");
  // ...a privileged authentication administrator may.
  EXPECT_TRUE(admin_
                  ->set_contact_methods(token("privileged-authentication-administrator"), ctx_,
                                        "boss@contoso.example", mobile("+14255550100"))
                  .ok());
  // A token of another tenant sees no such user.
  Actor other{"token:other", tenant_ + 1, ~0u};
  EXPECT_EQ(admin_->user_methods(other, "alice@contoso.example").error().name, "NotFound");
}

TEST_F(MethodsAdministrationTest, ClearRemovesOneMethodAndAuditsIt) {
  methods::ContactMethodChanges changes;
  changes.mobile_phone = "+14255550100";
  changes.email = "a@example.org";
  ASSERT_TRUE(admin_->set_contact_methods(op_, ctx_, "alice@contoso.example", changes).ok());
  auto view =
      admin_->clear_contact_method(op_, ctx_, "alice@contoso.example", MethodType::kMobilePhone);
  ASSERT_TRUE(view.ok());
  ASSERT_EQ(view->methods.size(), 1u);
  EXPECT_EQ(view->methods[0].type, MethodType::kEmail);
  auto deleted = audit_of(domain::audit_activity::kAdminDeletedMethod);
  ASSERT_EQ(deleted.size(), 1u);
  EXPECT_EQ(deleted[0].details["value"], "+1 XXXXXXXX00");

  EXPECT_EQ(
      admin_->clear_contact_method(op_, ctx_, "alice@contoso.example", MethodType::kMobilePhone)
          .error()
          .name,
      "NotFound");
  EXPECT_EQ(
      admin_
          ->clear_contact_method(op_, ctx_, "alice@contoso.example", MethodType::kSecurityQuestions)
          .error()
          .name,
      "InvalidInput");
  EXPECT_EQ(audit_of(domain::audit_activity::kAdminDeletedMethod).size(), 1u);
}

TEST_F(MethodsAdministrationTest, ImportAppliesGoodRowsAndReportsBadOnes) {
  auto report = admin_->import_contact_methods(op_, ctx_, tenant_,
                                               "upn,mobile_phone,office_phone,email\n"
                                               "alice@contoso.example,+14255550100,,\n"
                                               "bob@contoso.example,not a phone,,b@example.org\n"
                                               "nobody@contoso.example,+14255550100,,\n"
                                               "bob@contoso.example,,+14255550101 x5,\n");
  ASSERT_TRUE(report.ok()) << report.error().technical;
  EXPECT_EQ(report->applied, 2u);
  ASSERT_EQ(report->rejected.size(), 2u);
  EXPECT_EQ(report->rejected[0].line, 3u);
  EXPECT_EQ(report->rejected[0].error, "InvalidInput");
  EXPECT_EQ(report->rejected[1].line, 4u);
  EXPECT_EQ(report->rejected[1].error, "NotFound");
  EXPECT_EQ(methods_of("alice@contoso.example").size(), 1u);
  // Bob's bad row wrote nothing (not even the valid email); his later row applied.
  auto bob = methods_of("bob@contoso.example");
  ASSERT_EQ(bob.size(), 1u);
  EXPECT_EQ(bob[0].type, MethodType::kOfficePhone);
  EXPECT_EQ(audit_of(domain::audit_activity::kAdminRegisteredMethod).size(), 2u);
}

TEST_F(MethodsAdministrationTest, ImportRefusesABadHeaderAndUsersOfAnotherTenant) {
  EXPECT_EQ(admin_->import_contact_methods(op_, ctx_, tenant_, "who,phone\n").error().name,
            "InvalidInput");
  auto other = admin_->create_tenant(op_, ctx_, "Fabrikam", "fabrikam.example");
  ASSERT_TRUE(other.ok());
  auto report = admin_->import_contact_methods(op_, ctx_, other->id,
                                               "upn,email\nalice@contoso.example,a@example.org\n");
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->applied, 0u);
  ASSERT_EQ(report->rejected.size(), 1u);
  EXPECT_EQ(report->rejected[0].error, "NotFound");
  EXPECT_EQ(admin_
                ->import_contact_methods(token("helpdesk-administrator"), ctx_, tenant_,
                                         "upn,email\nalice@contoso.example,a@example.org\n")
                .error()
                .name,
            "Forbidden");
  EXPECT_TRUE(methods_of("alice@contoso.example").empty());
}

TEST_F(MethodsAdministrationTest, CustomQuestionsAreCheckedAuditedAndRemovable) {
  auto added = admin_->add_custom_question(op_, ctx_, tenant_, "  Name of your first manager?  ");
  ASSERT_TRUE(added.ok()) << added.error().technical;
  EXPECT_EQ(added->text, "Name of your first manager?");
  EXPECT_EQ(admin_->add_custom_question(op_, ctx_, tenant_, "Hi").error().message_key,
            "error.CustomSecurityQuestionLength");
  EXPECT_EQ(
      admin_->add_custom_question(op_, ctx_, tenant_, std::string(201, 'q')).error().message_key,
      "error.CustomSecurityQuestionLength");
  EXPECT_FALSE(admin_->add_custom_question(op_, ctx_, tenant_, "Name of your first manager?").ok());
  EXPECT_EQ(admin_->add_custom_question(token("helpdesk-administrator"), ctx_, tenant_, "Abc?")
                .error()
                .name,
            "Forbidden");
  for (int i = 1; i < 20; ++i) {
    ASSERT_TRUE(
        admin_->add_custom_question(op_, ctx_, tenant_, "Question " + std::to_string(i)).ok());
  }
  EXPECT_EQ(admin_->add_custom_question(op_, ctx_, tenant_, "One too many").error().message_key,
            "error.TooManyCustomSecurityQuestions");
  EXPECT_EQ(admin_->custom_questions(op_, tenant_)->size(), 20u);
  EXPECT_EQ(audit_of(domain::audit_activity::kAddCustomQuestion).size(), 20u);

  ASSERT_TRUE(admin_->remove_custom_question(op_, ctx_, tenant_, added->question_id()).ok());
  EXPECT_EQ(admin_->remove_custom_question(op_, ctx_, tenant_, added->question_id()).error().name,
            "NotFound");
  EXPECT_EQ(admin_->remove_custom_question(op_, ctx_, tenant_, "custom-x").error().name,
            "NotFound");
  EXPECT_EQ(admin_->custom_questions(op_, tenant_)->size(), 19u);
  auto removed = audit_of(domain::audit_activity::kRemoveCustomQuestion);
  ASSERT_EQ(removed.size(), 1u);
  EXPECT_EQ(removed[0].details["text"], "Name of your first manager?");
}

}  // namespace
}  // namespace sspr::flows
