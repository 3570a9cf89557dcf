#include "domain/policy/policy_refusal.h"

namespace sspr::domain::policy {
namespace {

struct RefusalText {
  std::string_view name;
  std::string_view technical;
};

RefusalText text_of(PolicyRefusal refusal) {
  using R = PolicyRefusal;
  switch (refusal) {
    case R::kGroupRequired:
      return {"GroupRequired", "enabled 'selected' needs exactly one group (--group)"};
    case R::kMethodsRequiredRange:
      return {"MethodsRequiredRange", "the number of methods required must be 1 or 2"};
    case R::kNoMethods:
      return {"NoMethods", "at least one method must be available to users"};
    case R::kNotEnoughMethods:
      return {"NotEnoughMethods",
              "2 methods are required but fewer than 2 distinct methods are available"};
    case R::kAppOnlyMethod:
      return {"AppOnlyMethod",
              "the authenticator app cannot be the only method when 1 method is required"};
    case R::kAppOneOfTwo:
      return {"AppOneOfTwo",
              "the authenticator app cannot be one of only two methods when 2 methods are "
              "required; allow a third method"};
    case R::kAppNotificationNeedsTwoMethods:
      return {"AppNotificationNeedsTwoMethods",
              "with 1 method required the authenticator app offers only its code; "
              "app_notification needs 2 methods required"};
    case R::kQuestionsToRegisterRange:
      return {"QuestionsToRegisterRange", "security questions required to register must be 3-5"};
    case R::kQuestionsToResetRange:
      return {"QuestionsToResetRange", "security questions required to reset must be 3-5"};
    case R::kQuestionsToResetAboveRegister:
      return {"QuestionsToResetAboveRegister",
              "security questions required to reset cannot exceed those required to register"};
    case R::kQuestionsWithoutSecurityQuestions:
      return {"QuestionsWithoutSecurityQuestions",
              "question counts apply only when security_questions is an allowed method"};
    case R::kReconfirmDaysRange:
      return {"ReconfirmDaysRange", "days before users must reconfirm must be 0-730"};
    case R::kReconfirmWithoutRegistration:
      return {"ReconfirmWithoutRegistration",
              "reconfirm days apply only when users are required to register"};
    case R::kInvalidHelpdesk:
      return {"InvalidHelpdesk",
              "the helpdesk link must be an http:// or https:// URL or an email address"};
    case R::kWritebackNeedsConnection:
      return {"WritebackNeedsConnection",
              "password writeback needs an on-premises connection; configure it first"};
    case R::kUnlockNeedsConnection:
      return {"UnlockNeedsConnection",
              "unlock without reset needs an on-premises connection; configure it first"};
  }
  return {"Unknown", "the policy is not valid"};
}

}  // namespace

std::string_view refusal_name(PolicyRefusal refusal) { return text_of(refusal).name; }

std::string refusal_message_key(PolicyRefusal refusal) {
  return "policy.refusal." + std::string(refusal_name(refusal));
}

Error policy_refused(PolicyRefusal refusal) {
  const auto text = text_of(refusal);
  return Error{ErrorKind::kBadInput, "InvalidSsprPolicy", "InvalidSsprPolicy",
               refusal_message_key(refusal),
               std::string(text.name) + ": " + std::string(text.technical)};
}

Error scope_group_in_use(const std::string& group) {
  return Error{ErrorKind::kConflict, "GroupScopesSspr", "GroupScopesSspr", "error.GroupScopesSspr",
               "group '" + group +
                   "' scopes self-service password reset (enabled selected); change the policy "
                   "first"};
}

}  // namespace sspr::domain::policy
