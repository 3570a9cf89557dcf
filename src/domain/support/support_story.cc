#include "domain/support/support_story.h"

#include <algorithm>
#include <utility>

#include "domain/eligibility/eligibility_errors.h"
#include "domain/eligibility/reset_eligibility.h"

namespace sspr::domain::support {
namespace {

namespace de = domain::eligibility;

std::string text_field(const nlohmann::json& details, const char* name) {
  if (!details.is_object()) return "";
  const auto it = details.find(name);
  return it != details.end() && it->is_string() ? it->get<std::string>() : "";
}

StoryEvent story_event(const AuditEvent& event, const std::string& support_code) {
  return {event.time,
          event.activity,
          text_field(event.details, "step"),
          text_field(event.details, "method"),
          event.result,
          event.result_reason,
          event.client_ip,
          event.support_code == support_code};
}

}  // namespace

StoryError story_error_of(std::string_view name) {
  // The errors of the checks of SPEC §4, each with the check whose fix applies. The names and
  // codes come from the error factories, so they cannot drift apart.
  const std::pair<Error, de::EligibilityCheck> eligibility[] = {
      {de::account_unavailable(""), de::EligibilityCheck::kAccountExists},
      {de::tenant_sspr_disabled(), de::EligibilityCheck::kTenantSsprEnabled},
      {de::sspr_not_enabled_in_user_policy(), de::EligibilityCheck::kPolicyConfigured},
      {de::user_not_member_of_scoped_group(""), de::EligibilityCheck::kInScopedGroup},
      {de::user_not_licensed(""), de::EligibilityCheck::kLicensed},
      {de::writeback_not_enabled(), de::EligibilityCheck::kWritebackForSyncedUser},
      {de::user_not_properly_configured(""), de::EligibilityCheck::kEnoughRegisteredMethods},
  };
  for (const auto& [error, check] : eligibility) {
    if (error.name == name) {
      return {error.code, error.name, error.message_key,
              "fix." + std::string(de::check_name(check))};
    }
  }
  const std::string text(name);
  return {text, text, "error." + text, ""};
}

std::optional<SupportStory> build_support_story(const std::string& support_code,
                                                const std::vector<AuditEvent>& marked,
                                                const std::vector<AuditEvent>& correlated) {
  if (marked.empty()) return std::nullopt;
  // The error shown is the latest failure the request recorded (ISO times sort as text).
  const AuditEvent* failure = nullptr;
  for (const auto& event : marked) {
    if (event.result != "failure") continue;
    if (!failure || event.time >= failure->time) failure = &event;
  }
  const AuditEvent& chosen = failure ? *failure : marked.back();
  SupportStory story;
  story.support_code = support_code;
  story.tenant_id = chosen.tenant_id;
  story.user = chosen.target;
  story.correlation_id = chosen.correlation_id;
  if (!chosen.result_reason.empty()) {
    story.error = story_error_of(chosen.result_reason);
    story.error.language = text_field(chosen.details, "language");
    story.error.technical = text_field(chosen.details, "technical");
  }

  std::vector<const AuditEvent*> flow;
  for (const auto& event : correlated) {
    if (event.tenant_id == chosen.tenant_id) flow.push_back(&event);
  }
  // The marked records belong to the story even when the correlation query missed them.
  for (const auto& event : marked) {
    const bool listed = std::any_of(flow.begin(), flow.end(),
                                    [&](const AuditEvent* seen) { return seen->id == event.id; });
    if (!listed && event.tenant_id == chosen.tenant_id) flow.push_back(&event);
  }
  std::stable_sort(flow.begin(), flow.end(),
                   [](const AuditEvent* a, const AuditEvent* b) { return a->time < b->time; });
  for (const auto* event : flow) story.events.push_back(story_event(*event, support_code));
  return story;
}

}  // namespace sspr::domain::support
