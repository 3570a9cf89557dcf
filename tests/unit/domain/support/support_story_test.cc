#include "domain/support/support_story.h"

#include <gtest/gtest.h>

#include "domain/locale_catalogue.h"

namespace sspr::domain::support {
namespace {

constexpr const char* kCode = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

AuditEvent event(std::string id, std::string time, std::string step, std::string reason = "",
                 std::string code = "") {
  AuditEvent out;
  out.id = std::move(id);
  out.time = std::move(time);
  out.tenant_id = 7;
  out.activity = "Self-service password reset flow activity progress";
  out.actor = out.target = "alice@contoso.example";
  out.result = reason.empty() ? "success" : "failure";
  out.result_reason = std::move(reason);
  out.correlation_id = "corr-flow";
  out.support_code = std::move(code);
  out.client_ip = "127.0.0.1";
  out.details = {{"step", std::move(step)}, {"flow_id", "f1"}, {"method", "email"}};
  return out;
}

TEST(SupportStory, NothingMarkedIsNoStory) {
  EXPECT_FALSE(build_support_story(kCode, {}, {event("a", "t", "start")}).has_value());
}

TEST(SupportStory, EligibilityErrorCarriesItsNumberAndTheFixOfItsCheck) {
  const auto marked = event("a", "2026-11-23T10:00:00.000Z", "start", "UserNotLicensed", kCode);
  auto story = build_support_story(kCode, {marked}, {marked});
  ASSERT_TRUE(story.has_value());
  EXPECT_EQ(story->support_code, kCode);
  EXPECT_EQ(story->tenant_id, 7);
  EXPECT_EQ(story->user, "alice@contoso.example");
  EXPECT_EQ(story->error.code, "SSPR_0012");
  EXPECT_EQ(story->error.name, "UserNotLicensed");
  EXPECT_EQ(story->error.message_key, "error.UserNotLicensed");
  EXPECT_EQ(story->error.fix_key, "fix.Licensed");
  ASSERT_EQ(story->events.size(), 1u);
  EXPECT_TRUE(story->events[0].has_support_code);
  EXPECT_EQ(story->events[0].step, "start");
}

TEST(SupportStory, EveryEligibilityErrorHasAFixWithTextInEveryLanguage) {
  const std::pair<const char*, const char*> expected[] = {
      {"TenantSSPRFlagDisabled", "SSPR_0009"},           {"WritebackNotEnabled", "SSPR_0010"},
      {"SsprNotEnabledInUserPolicy", "SSPR_0011"},       {"UserNotLicensed", "SSPR_0012"},
      {"UserNotMemberOfScopedAccessGroup", "SSPR_0013"}, {"UserNotProperlyConfigured", "SSPR_0014"},
      {"AccountUnavailable", "AccountUnavailable"}};
  std::vector<std::string> keys;
  for (const auto& [name, code] : expected) {
    const auto error = story_error_of(name);
    EXPECT_EQ(error.code, code) << name;
    EXPECT_FALSE(error.fix_key.empty()) << name;
    keys.push_back(error.fix_key);
    keys.push_back(error.message_key);
  }
  EXPECT_TRUE(sspr::testing::missing_locale_keys(keys).empty());
}

TEST(SupportStory, TheErrorKeepsTheLanguageAndTechnicalLineItsRecordWasShownWith) {
  auto marked = event("a", "2026-11-23T10:00:00.000Z", "start", "UserNotLicensed", kCode);
  auto story = build_support_story(kCode, {marked}, {});
  EXPECT_EQ(story->error.language, "");  // not recorded
  EXPECT_EQ(story->error.technical, "");
  marked.details["language"] = "sv";
  marked.details["technical"] = "SSPR_0012: UserNotLicensed: no licence";
  story = build_support_story(kCode, {marked}, {});
  EXPECT_EQ(story->error.language, "sv");
  EXPECT_EQ(story->error.technical, "SSPR_0012: UserNotLicensed: no licence");
}

TEST(SupportStory, OtherErrorsUseTheirNameAsCodeAndHaveNoFix) {
  const auto error = story_error_of("ThrottledBlocked");
  EXPECT_EQ(error.code, "ThrottledBlocked");
  EXPECT_EQ(error.message_key, "error.ThrottledBlocked");
  EXPECT_TRUE(error.fix_key.empty());
}

TEST(SupportStory, TheFlowIsToldOldestFirstWithStepsAndTheMarkedStepFlagged) {
  const auto start = event("a", "2026-11-23T10:00:00.000Z", "start");
  const auto challenge = event("b", "2026-11-23T10:00:05.000Z", "challenge");
  const auto failed =
      event("c", "2026-11-23T10:00:09.000Z", "gate failed", "InvalidVerificationCode", kCode);
  auto story = build_support_story(kCode, {failed}, {failed, challenge, start});
  ASSERT_TRUE(story.has_value());
  ASSERT_EQ(story->events.size(), 3u);
  EXPECT_EQ(story->events[0].step, "start");
  EXPECT_EQ(story->events[1].step, "challenge");
  EXPECT_EQ(story->events[2].step, "gate failed");
  EXPECT_EQ(story->events[2].method, "email");
  EXPECT_EQ(story->events[2].result_reason, "InvalidVerificationCode");
  EXPECT_FALSE(story->events[0].has_support_code);
  EXPECT_TRUE(story->events[2].has_support_code);
  EXPECT_EQ(story->error.name, "InvalidVerificationCode");
}

TEST(SupportStory, RecordsOfAnotherTenantWithTheSameCorrelationIdAreLeftOut) {
  const auto marked = event("a", "2026-11-23T10:00:00.000Z", "start", "UserNotLicensed", kCode);
  auto stranger = event("x", "2026-11-23T10:00:01.000Z", "start");
  stranger.tenant_id = 8;
  auto story = build_support_story(kCode, {marked}, {stranger});
  ASSERT_TRUE(story.has_value());
  ASSERT_EQ(story->events.size(), 1u);  // the marked record, even if the query missed it
  EXPECT_EQ(story->events[0].result_reason, "UserNotLicensed");
}

TEST(SupportStory, TheErrorIsTheLatestFailureOfTheRequest) {
  const auto blocked_at = event("a", "2026-11-23T10:00:00.000Z", "start", "Other", kCode);
  const auto later = event("b", "2026-11-23T10:00:00.001Z", "start", "ThrottledBlocked", kCode);
  auto story = build_support_story(kCode, {later, blocked_at}, {});
  ASSERT_TRUE(story.has_value());
  EXPECT_EQ(story->error.name, "ThrottledBlocked");
  EXPECT_EQ(story->events.size(), 2u);
}

}  // namespace
}  // namespace sspr::domain::support
