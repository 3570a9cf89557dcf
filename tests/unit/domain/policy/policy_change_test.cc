// Partial changes of the SSPR policy, validated as a whole, and their audit record.
#include "domain/policy/policy_change.h"

#include <gtest/gtest.h>

namespace sspr::domain::policy {
namespace {

using M = MethodType;

std::string refusal_of(const Result<SsprPolicy>& result) {
  if (result) return "";
  return result.error().message_key.substr(std::string("policy.refusal.").size());
}

TEST(PolicyChange, AnEmptyChangeOfNoPolicyGivesTheDefaults) {
  auto policy = apply_change(std::nullopt, {}, {});
  ASSERT_TRUE(policy);
  EXPECT_EQ(*policy, SsprPolicy{});
}

TEST(PolicyChange, OnlyTheGivenSettingsChange) {
  SsprPolicy current;
  current.enabled = SsprEnabled::kAll;
  current.notify_admins = true;
  SsprPolicyChange change;
  change.methods = MethodSet{M::kEmail, M::kSecurityQuestions};
  change.questions_to_register = 5;
  change.questions_to_reset = 4;
  auto policy = apply_change(current, change, {});
  ASSERT_TRUE(policy) << policy.error().technical;
  EXPECT_EQ(policy->enabled, SsprEnabled::kAll);
  EXPECT_TRUE(policy->notify_admins);
  EXPECT_EQ(policy->methods, (MethodSet{M::kEmail, M::kSecurityQuestions}));
  EXPECT_EQ(policy->questions_to_register, 5);
  EXPECT_EQ(policy->questions_to_reset, 4);
  EXPECT_EQ(policy->reconfirm_days, 180);
}

TEST(PolicyChange, TheResultIsValidatedAsAWhole) {
  SsprPolicy current;
  current.methods = {M::kEmail, M::kAppCode, M::kOfficePhone};
  current.methods_required = 2;
  SsprPolicyChange change;
  change.methods = MethodSet{M::kEmail, M::kAppCode};
  EXPECT_EQ(refusal_of(apply_change(current, change, {})), "AppOneOfTwo");
  change.methods_required = 1;
  EXPECT_EQ(refusal_of(apply_change(current, change, {})), "");
  SsprPolicyChange select;
  select.enabled = SsprEnabled::kSelected;
  EXPECT_EQ(refusal_of(apply_change(current, select, {})), "GroupRequired");
  select.group_id = 3;
  auto selected = apply_change(current, select, {});
  ASSERT_TRUE(selected);
  EXPECT_EQ(selected->group_id, 3);
}

TEST(PolicyChange, QuestionCountsOnlyWithSecurityQuestions) {
  SsprPolicyChange change;
  change.questions_to_reset = 3;
  EXPECT_EQ(refusal_of(apply_change(std::nullopt, change, {})),
            "QuestionsWithoutSecurityQuestions");
  change.methods = MethodSet{M::kSecurityQuestions, M::kEmail};
  EXPECT_EQ(refusal_of(apply_change(std::nullopt, change, {})), "");
}

TEST(PolicyChange, ReconfirmDaysOnlyWithRequiredRegistration) {
  SsprPolicyChange change;
  change.require_registration = false;
  change.reconfirm_days = 30;
  EXPECT_EQ(refusal_of(apply_change(std::nullopt, change, {})), "ReconfirmWithoutRegistration");
  change.require_registration = true;
  EXPECT_EQ(refusal_of(apply_change(std::nullopt, change, {})), "");
  SsprPolicyChange off;
  off.require_registration = false;
  EXPECT_EQ(refusal_of(apply_change(std::nullopt, off, {})), "");
}

TEST(PolicyChange, WritebackIsRefusedWithoutAConnection) {
  SsprPolicyChange change;
  change.writeback = true;
  EXPECT_EQ(refusal_of(apply_change(std::nullopt, change, {})), "WritebackNeedsConnection");
  change.writeback = false;
  change.unlock = true;
  EXPECT_EQ(refusal_of(apply_change(std::nullopt, change, {})), "UnlockNeedsConnection");
  EXPECT_EQ(refusal_of(apply_change(std::nullopt, change, {.has_onprem_connection = true})), "");
}

TEST(PolicyChange, EmptyHelpdeskRemovesIt) {
  SsprPolicy current;
  current.helpdesk = "help@contoso.example";
  SsprPolicyChange change;
  change.helpdesk = "";
  auto policy = apply_change(current, change, {});
  ASSERT_TRUE(policy);
  EXPECT_EQ(policy->helpdesk, "");
}

TEST(PolicyFields, NamesEverySettingAndTheGroupByName) {
  SsprPolicy policy;
  policy.enabled = SsprEnabled::kSelected;
  policy.group_id = 9;
  auto json = policy_fields(policy, std::string("SSPR Users"));
  EXPECT_EQ(json["enabled"], "selected");
  EXPECT_EQ(json["group"], "SSPR Users");
  EXPECT_EQ(json["methods"], nlohmann::json({"email", "mobile_phone"}));
  EXPECT_EQ(json["methods_required"], 1);
  EXPECT_EQ(json["questions_to_register"], 3);
  EXPECT_EQ(json["questions_to_reset"], 3);
  EXPECT_EQ(json["require_registration"], true);
  EXPECT_EQ(json["reconfirm_days"], 180);
  EXPECT_EQ(json["notify_users"], true);
  EXPECT_EQ(json["notify_admins"], false);
  EXPECT_TRUE(json["helpdesk"].is_null());
  EXPECT_EQ(json["writeback"], false);
  EXPECT_EQ(json["unlock"], false);
  EXPECT_EQ(json.size(), 13u);
  EXPECT_TRUE(policy_fields(SsprPolicy{}, std::nullopt)["group"].is_null());
}

TEST(ChangeDetails, RecordBeforeAfterAndWhatChanged) {
  SsprPolicy before;
  SsprPolicy after = before;
  after.enabled = SsprEnabled::kAll;
  after.reconfirm_days = 0;
  auto details =
      change_details(policy_fields(before, std::nullopt), policy_fields(after, std::nullopt));
  EXPECT_EQ(details["before"]["enabled"], "none");
  EXPECT_EQ(details["after"]["enabled"], "all");
  EXPECT_EQ(details["changed"], nlohmann::json({"enabled", "reconfirm_days"}));
  auto first = change_details(std::nullopt, policy_fields(after, std::nullopt));
  EXPECT_TRUE(first["before"].is_null());
  EXPECT_EQ(first["changed"].size(), 13u);
}

}  // namespace
}  // namespace sspr::domain::policy
