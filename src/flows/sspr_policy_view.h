#pragma once
// A tenant's SSPR policy as administrators see and change it (SPEC §2): the stored policy
// with its group resolved to a name, and a change that names the group. The JSON shape is
// shared by GET/PATCH /api/v1/policy and `sspr policy show|set --json`.

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "domain/policy/policy_change.h"
#include "domain/policy/sspr_policy.h"
#include "domain/result.h"

namespace sspr::flows {

struct SsprPolicyView {
  std::optional<domain::policy::SsprPolicy> policy;  // nullopt: never configured
  std::optional<std::string> group;                  // the policy's group, by name
};

// A change as administrators give it: the group by name (resolved in the tenant).
struct SsprPolicyUpdate {
  domain::policy::SsprPolicyChange change;  // change.group_id is ignored
  std::optional<std::string> group;
};

// {"configured": false} or {"configured": true, <domain::policy::policy_fields>}.
nlohmann::json to_json(const SsprPolicyView& view);

// A PATCH body with the field names of to_json (any subset; "configured" and unknown fields
// are ignored, as everywhere in the API). Values of the wrong type or outside their
// vocabulary are InvalidInput;
// range and consistency rules are the policy's own (domain::policy::apply_change).
domain::Result<SsprPolicyUpdate> policy_update_from_json(const nlohmann::json& body);

}  // namespace sspr::flows
