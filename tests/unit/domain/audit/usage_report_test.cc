// The usage report's arithmetic over counted rows.
#include "domain/audit/usage_report.h"

#include <gtest/gtest.h>

#include "domain/audit_event.h"

namespace sspr::domain::audit {
namespace {

namespace activity = audit_activity;

std::string name(std::string_view text) { return std::string(text); }

TEST(UsageReport, PerDayCountsResetsUnlocksAndSelfServiceFailures) {
  UsageFacts facts;
  facts.per_day = {
      {"2026-11-22", name(activity::kResetSelfService), "success", 3},
      {"2026-11-22", name(activity::kResetSelfService), "failure", 1},
      {"2026-11-22", name(activity::kFlowProgress), "success", 20},  // steps: not counted
      {"2026-11-22", name(activity::kFlowProgress), "failure", 4},
      {"2026-11-23", name(activity::kUnlockSelfService), "success", 2},
      {"2026-11-23", name(activity::kBlocked), "failure", 5},
      {"2026-11-23", name(activity::kResetByAdmin), "failure", 7},  // not self-service
      {"2026-11-24", name(activity::kFlowProgress), "success", 9},  // a day of steps only
  };
  const auto report = build_usage_report(facts);
  ASSERT_EQ(report.per_day.size(), 2u);
  EXPECT_EQ(report.per_day[0].date, "2026-11-22");
  EXPECT_EQ(report.per_day[0].resets, 3);
  EXPECT_EQ(report.per_day[0].unlocks, 0);
  EXPECT_EQ(report.per_day[0].failures, 5);
  EXPECT_EQ(report.per_day[1].date, "2026-11-23");
  EXPECT_EQ(report.per_day[1].resets, 0);
  EXPECT_EQ(report.per_day[1].unlocks, 2);
  EXPECT_EQ(report.per_day[1].failures, 5);
}

TEST(UsageReport, MethodCombinationsAreSortedJoinedAndCounted) {
  UsageFacts facts;
  facts.reset_methods = {{"mobile_phone", "email"}, {"email"}, {"email", "mobile_phone"}, {}};
  const auto report = build_usage_report(facts);
  ASSERT_EQ(report.by_methods.size(), 3u);
  EXPECT_EQ(report.by_methods[0].key, "email+mobile_phone");
  EXPECT_EQ(report.by_methods[0].count, 2);
  EXPECT_EQ(report.by_methods[1].key, "");
  EXPECT_EQ(report.by_methods[2].key, "email");
  EXPECT_EQ(method_combination({"security_questions", "app_code"}), "app_code+security_questions");
}

TEST(UsageReport, ReasonsAndAdministratorsByCountThenName) {
  UsageFacts facts;
  facts.failure_reasons = {{"InvalidVerificationCode", 2}, {"UserNotLicensed", 9}, {"A", 2}};
  facts.admin_resets = {{"token:helpdesk", 1}, {"alice@contoso.example", 4}};
  const auto report = build_usage_report(facts);
  ASSERT_EQ(report.failures_by_reason.size(), 3u);
  EXPECT_EQ(report.failures_by_reason[0].key, "UserNotLicensed");
  EXPECT_EQ(report.failures_by_reason[1].key, "A");
  EXPECT_EQ(report.failures_by_reason[2].key, "InvalidVerificationCode");
  ASSERT_EQ(report.admins_resetting.size(), 2u);
  EXPECT_EQ(report.admins_resetting[0].key, "alice@contoso.example");
  EXPECT_EQ(report.admins_resetting[0].count, 4);
}

TEST(UsageReport, TheActivitiesCoverSelfServiceAndAdministratorResets) {
  const auto all = usage_activities();
  for (auto wanted :
       {activity::kResetSelfService, activity::kUnlockSelfService, activity::kFlowProgress,
        activity::kBlocked, activity::kResetByAdmin, activity::kSetPassword}) {
    EXPECT_NE(std::find(all.begin(), all.end(), wanted), all.end()) << wanted;
  }
}

}  // namespace
}  // namespace sspr::domain::audit
