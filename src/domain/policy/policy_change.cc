#include "domain/policy/policy_change.h"

#include "domain/policy/policy_refusal.h"

namespace sspr::domain::policy {
namespace {

template <typename T>
void take(T& field, const std::optional<T>& given) {
  if (given) field = *given;
}

}  // namespace

Result<SsprPolicy> apply_change(const std::optional<SsprPolicy>& current,
                                const SsprPolicyChange& change, const PolicyContext& context) {
  SsprPolicy policy = current.value_or(SsprPolicy{});
  take(policy.enabled, change.enabled);
  if (change.group_id) policy.group_id = *change.group_id;
  take(policy.methods_required, change.methods_required);
  take(policy.methods, change.methods);
  take(policy.questions_to_register, change.questions_to_register);
  take(policy.questions_to_reset, change.questions_to_reset);
  take(policy.require_registration, change.require_registration);
  take(policy.reconfirm_days, change.reconfirm_days);
  take(policy.notify_users, change.notify_users);
  take(policy.notify_admins, change.notify_admins);
  take(policy.helpdesk, change.helpdesk);
  take(policy.writeback, change.writeback);
  take(policy.unlock, change.unlock);

  if (auto valid = validate(policy, context); !valid) return valid.error();
  if ((change.questions_to_register || change.questions_to_reset) &&
      !policy.methods.contains(MethodType::kSecurityQuestions)) {
    return policy_refused(PolicyRefusal::kQuestionsWithoutSecurityQuestions);
  }
  if (change.reconfirm_days && !policy.require_registration) {
    return policy_refused(PolicyRefusal::kReconfirmWithoutRegistration);
  }
  return policy;
}

nlohmann::json policy_fields(const SsprPolicy& policy, const std::optional<std::string>& group) {
  return {
      {"enabled", std::string(enabled_name(policy.enabled))},
      {"group", group ? nlohmann::json(*group) : nlohmann::json(nullptr)},
      {"methods_required", policy.methods_required},
      {"methods", method_names(policy.methods)},
      {"questions_to_register", policy.questions_to_register},
      {"questions_to_reset", policy.questions_to_reset},
      {"require_registration", policy.require_registration},
      {"reconfirm_days", policy.reconfirm_days},
      {"notify_users", policy.notify_users},
      {"notify_admins", policy.notify_admins},
      {"helpdesk",
       policy.helpdesk.empty() ? nlohmann::json(nullptr) : nlohmann::json(policy.helpdesk)},
      {"writeback", policy.writeback},
      {"unlock", policy.unlock},
  };
}

std::vector<std::string> changed_fields(const nlohmann::json& before, const nlohmann::json& after) {
  std::vector<std::string> changed;
  for (const auto& [field, value] : after.items()) {
    if (!before.is_object() || !before.contains(field) || before.at(field) != value) {
      changed.push_back(field);
    }
  }
  return changed;
}

nlohmann::json change_details(const std::optional<nlohmann::json>& before,
                              const nlohmann::json& after) {
  const nlohmann::json previous = before ? *before : nlohmann::json(nullptr);
  return {{"before", previous}, {"after", after}, {"changed", changed_fields(previous, after)}};
}

}  // namespace sspr::domain::policy
