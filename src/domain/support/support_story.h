#pragma once
// The whole story behind a support code (SPEC §12): the failure the user saw, who and which
// tenant it concerned, what an administrator can do about it, and every audit record of the
// same flow (same correlation id) in time order. Pure: the caller reads the records.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/audit_event.h"
#include "domain/tenant.h"

namespace sspr::domain::support {

// One step of the story, from one audit record. `step` and `method` come from the record's
// details ("" when it has none).
struct StoryEvent {
  std::string time;
  std::string activity;
  std::string step;
  std::string method;
  std::string result;
  std::string result_reason;
  std::string client_ip;
  bool has_support_code = false;  // the record written by the request that showed the code
};

// The error the user saw, as far as the audit log knows it (its name is the result reason).
struct StoryError {
  std::string code;            // "SSPR_0012", or the name for errors without a number
  std::string name;            // "UserNotLicensed"
  std::string message_key;     // "error.UserNotLicensed": the user text
  std::string fix_key;         // "fix.Licensed" for eligibility errors; "" otherwise
  std::string language = {};   // the language the user was shown it in; "" when not recorded
  std::string technical = {};  // the technical line the user was shown; "" when not recorded
};

struct SupportStory {
  std::string support_code;
  TenantId tenant_id = 0;
  std::string user;  // the target of the failure (a UPN)
  std::string correlation_id;
  StoryError error;
  std::vector<StoryEvent> events;  // oldest first
};

// The code of an error named `name` ("SSPR_00xx" for the numbered reset errors, else the name)
// and the administrator's fix key when it is an eligibility error of SPEC §4.
StoryError story_error_of(std::string_view name);

// Builds the story from the records carrying the code (`marked`, at least one) and the
// records sharing their correlation id (`correlated`, any order; may include `marked`). The
// error is the latest failure among `marked`. nullopt when `marked` is empty.
std::optional<SupportStory> build_support_story(const std::string& support_code,
                                                const std::vector<AuditEvent>& marked,
                                                const std::vector<AuditEvent>& correlated);

}  // namespace sspr::domain::support
