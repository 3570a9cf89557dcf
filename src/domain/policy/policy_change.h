#pragma once
// A partial change of a tenant's SSPR policy: only the settings given are changed, the
// others keep their current value (or the default of SPEC §2 when the tenant has no policy
// yet), and the result is validated as a whole. Also the before/after record for the audit.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/policy/sspr_policy.h"
#include "domain/result.h"

namespace sspr::domain::policy {

struct SsprPolicyChange {
  std::optional<SsprEnabled> enabled;
  std::optional<std::int64_t> group_id;  // resolved from the group's name by the caller
  std::optional<int> methods_required;
  std::optional<MethodSet> methods;
  std::optional<int> questions_to_register;
  std::optional<int> questions_to_reset;
  std::optional<bool> require_registration;
  std::optional<int> reconfirm_days;
  std::optional<bool> notify_users;
  std::optional<bool> notify_admins;
  std::optional<std::string> helpdesk;  // "" removes it
  std::optional<bool> writeback;
  std::optional<bool> unlock;
};

// The policy after `change`, or the refusal (policy_refusal.h). Besides validate(), a change
// that sets a dependent option whose parent is off in the result is refused: question
// counts without security questions, reconfirm days without required registration.
Result<SsprPolicy> apply_change(const std::optional<SsprPolicy>& current,
                                const SsprPolicyChange& change, const PolicyContext& context);

// The policy's settings under the names of the API and `sspr policy show --json`; the group
// is shown by name (null when none).
nlohmann::json policy_fields(const SsprPolicy& policy, const std::optional<std::string>& group);

// The names of the fields whose values differ (every field when there was no policy).
std::vector<std::string> changed_fields(const nlohmann::json& before, const nlohmann::json& after);

// The audit details of a change: {"before": fields or null, "after": fields, "changed": [...]}.
nlohmann::json change_details(const std::optional<nlohmann::json>& before,
                              const nlohmann::json& after);

}  // namespace sspr::domain::policy
