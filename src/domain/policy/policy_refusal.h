#pragma once
// Why a self-service password reset policy is refused. Each reason has a localised
// explanation (locales: "policy.refusal.<Name>") shown to the administrator; the error is
// InvalidSsprPolicy, bad input (HTTP 400, CLI exit 2), with the reason's name and an English
// explanation in its technical line.

#include <string>
#include <string_view>

#include "domain/error.h"

namespace sspr::domain::policy {

enum class PolicyRefusal {
  kGroupRequired,                      // `selected` without a group
  kMethodsRequiredRange,               // not 1 or 2
  kNoMethods,                          // no method allowed
  kNotEnoughMethods,                   // fewer distinct methods than required
  kAppOnlyMethod,                      // 1 required and the app is the only method
  kAppOneOfTwo,                        // 2 required and the app is one of only two methods
  kAppNotificationNeedsTwoMethods,     // 1 required: the app offers only its code
  kQuestionsToRegisterRange,           // not 3-5
  kQuestionsToResetRange,              // not 3-5
  kQuestionsToResetAboveRegister,      // more to reset than to register
  kQuestionsWithoutSecurityQuestions,  // counts set while questions are not allowed
  kReconfirmDaysRange,                 // not 0-730
  kReconfirmWithoutRegistration,       // days set while registration is not required
  kInvalidHelpdesk,                    // neither an http(s) URL nor an email address
  kWritebackNeedsConnection,           // no on-premises connection configured
  kUnlockNeedsConnection,              // no on-premises connection configured
};

std::string_view refusal_name(PolicyRefusal refusal);  // "GroupRequired", ...
// "policy.refusal.GroupRequired", ...
std::string refusal_message_key(PolicyRefusal refusal);
// The error for a refused policy: kind kBadInput, code and name "InvalidSsprPolicy", the
// reason's message key, and "<Name>: <explanation in English>" as the technical line.
Error policy_refused(PolicyRefusal refusal);

// Deleting the group that scopes a `selected` policy is refused (kConflict, HTTP 409, exit 2,
// "GroupScopesSspr"): nobody could reset any more. Change the policy first.
Error scope_group_in_use(const std::string& group);

}  // namespace sspr::domain::policy
