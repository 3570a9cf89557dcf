#include "domain/policy/sspr_policy.h"

#include "domain/policy/policy_refusal.h"

namespace sspr::domain::policy {
namespace {

bool in_range(int value, int low, int high) { return value >= low && value <= high; }

// The authenticator app rules of SPEC §2, the app's code and notification counting as one
// method: never the only method under 1, never one of only two under 2; with 1 required
// the app offers only its code.
Status check_methods(const SsprPolicy& policy) {
  if (!in_range(policy.methods_required, 1, 2)) {
    return policy_refused(PolicyRefusal::kMethodsRequiredRange);
  }
  if (policy.methods.empty()) return policy_refused(PolicyRefusal::kNoMethods);
  const int distinct = distinct_method_count(policy.methods);
  bool app = false;
  for (auto method : policy.methods) app = app || is_authenticator_app(method);
  if (policy.methods_required == 1) {
    if (policy.methods.contains(MethodType::kAppNotification)) {
      return policy_refused(PolicyRefusal::kAppNotificationNeedsTwoMethods);
    }
    if (app && distinct == 1) return policy_refused(PolicyRefusal::kAppOnlyMethod);
    return ok_status();
  }
  if (distinct < 2) return policy_refused(PolicyRefusal::kNotEnoughMethods);
  if (app && distinct == 2) return policy_refused(PolicyRefusal::kAppOneOfTwo);
  return ok_status();
}

bool has_control_or_space(std::string_view text) {
  for (unsigned char c : text) {
    if (c <= 0x20 || c == 0x7f) return true;
  }
  return false;
}

bool is_url(std::string_view text) {
  for (std::string_view scheme : {"https://", "http://"}) {
    if (text.starts_with(scheme)) {
      const auto rest = text.substr(scheme.size());
      const auto host = rest.substr(0, rest.find_first_of("/?#"));
      return !host.empty() && host.find('@') == std::string_view::npos;
    }
  }
  return false;
}

bool is_email(std::string_view text) {
  const auto at = text.find('@');
  if (at == std::string_view::npos || at == 0 || text.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  // A URL's user-info ("https://user@host") is not an address.
  if (text.substr(0, at).find_first_of(":/") != std::string_view::npos) return false;
  const auto domain = text.substr(at + 1);
  const auto dot = domain.find('.');
  return dot != std::string_view::npos && dot > 0 && domain.back() != '.' &&
         domain.find("..") == std::string_view::npos &&
         domain.find(':') == std::string_view::npos && domain.find('/') == std::string_view::npos;
}

}  // namespace

std::string_view enabled_name(SsprEnabled enabled) {
  switch (enabled) {
    case SsprEnabled::kNone:
      return "none";
    case SsprEnabled::kSelected:
      return "selected";
    case SsprEnabled::kAll:
      return "all";
  }
  return "";
}

std::optional<SsprEnabled> parse_enabled(std::string_view name) {
  for (auto enabled : {SsprEnabled::kNone, SsprEnabled::kSelected, SsprEnabled::kAll}) {
    if (enabled_name(enabled) == name) return enabled;
  }
  return std::nullopt;
}

bool is_valid_helpdesk(std::string_view helpdesk) {
  if (helpdesk.empty() || helpdesk.size() > kMaxHelpdeskLength) return false;
  if (has_control_or_space(helpdesk)) return false;
  return is_url(helpdesk) || is_email(helpdesk);
}

Status validate(const SsprPolicy& policy, const PolicyContext& context) {
  if (policy.enabled == SsprEnabled::kSelected && !policy.group_id) {
    return policy_refused(PolicyRefusal::kGroupRequired);
  }
  if (auto methods = check_methods(policy); !methods) return methods;
  if (!in_range(policy.questions_to_register, kMinQuestions, kMaxQuestions)) {
    return policy_refused(PolicyRefusal::kQuestionsToRegisterRange);
  }
  if (!in_range(policy.questions_to_reset, kMinQuestions, kMaxQuestions)) {
    return policy_refused(PolicyRefusal::kQuestionsToResetRange);
  }
  if (policy.questions_to_reset > policy.questions_to_register) {
    return policy_refused(PolicyRefusal::kQuestionsToResetAboveRegister);
  }
  if (!in_range(policy.reconfirm_days, 0, kMaxReconfirmDays)) {
    return policy_refused(PolicyRefusal::kReconfirmDaysRange);
  }
  if (!policy.helpdesk.empty() && !is_valid_helpdesk(policy.helpdesk)) {
    return policy_refused(PolicyRefusal::kInvalidHelpdesk);
  }
  if (policy.writeback && !context.has_onprem_connection) {
    return policy_refused(PolicyRefusal::kWritebackNeedsConnection);
  }
  if (policy.unlock && !context.has_onprem_connection) {
    return policy_refused(PolicyRefusal::kUnlockNeedsConnection);
  }
  return ok_status();
}

}  // namespace sspr::domain::policy
