#pragma once
// Tenant-wide diagnose (SPEC §12): what keeps users of a whole tenant from resetting, found
// from bulk facts (every user with their direct groups, licences, roles and methods, the
// group nesting and the group licences) in one pass, without a query per user. Each finding
// names the error the affected users get, how many they are (with a few examples), and the
// fix. Pure.
//
// Scope follows the reset checks of SPEC §4: enabled non-administrators are "in scope" when
// the policy is `all`, or `selected` and they are (nested) members of its group.
// Administrators follow the fixed policy of §6 and are counted apart. Disabled accounts are
// left out.

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "domain/eligibility/explanation.h"
#include "domain/error.h"
#include "domain/group_graph.h"
#include "domain/policy/registration_status.h"
#include "domain/policy/sspr_policy.h"
#include "domain/user.h"

namespace sspr::domain::eligibility {

// One user of the tenant as the bulk reads return it.
struct TenantMember {
  UserId id = 0;
  std::string upn;
  UserSource source = UserSource::kCloud;
  bool enabled = true;
  bool is_admin = false;
  std::vector<GroupId> direct_groups;
  std::vector<std::string> direct_skus;
  policy::RegisteredMethods registered;
  bool throttle_blocked = false;  // blocked from SSPR by throttling now (SPEC §7)
};

struct GroupLicense {
  GroupId group = 0;
  std::string sku;
};

struct TenantFacts {
  std::string domain;                        // for the commands a fix names
  std::optional<policy::SsprPolicy> policy;  // nullopt: never configured
  std::optional<std::string> scoped_group;   // the policy's group name; nullopt: it is gone
  std::vector<GroupGraph::Edge> group_edges;
  std::vector<GroupLicense> group_licenses;
  std::vector<TenantMember> users;
  policy::TenantTrialFacts trial;  // has_synced_users is derived from `users`
};

enum class FindingSeverity {
  kBlocking,  // users cannot reset until an administrator acts
  kWarning,   // users are affected, but it passes without action
};

std::string_view severity_name(FindingSeverity severity);  // "blocking", "warning"

inline constexpr std::size_t kFindingExamples = 5;

struct TenantFinding {
  std::string id;  // "SsprDisabled", "UsersUnlicensed", ... (stable, for JSON and keys)
  FindingSeverity severity = FindingSeverity::kBlocking;
  std::optional<Error> error;         // what the affected users get
  std::size_t affected = 0;           // users affected
  std::vector<std::string> examples;  // up to kFindingExamples of their UPNs, sorted
  Explanation text;                   // "diagnose.finding.<id>"
  Explanation fix;                    // "diagnose.tenant_fix.<id>"
};

struct TenantDiagnosis {
  std::size_t users = 0;           // enabled users
  std::size_t users_in_scope = 0;  // enabled non-administrators the policy covers
  std::size_t users_can_reset = 0;
  std::size_t administrators = 0;  // enabled
  std::size_t administrators_can_reset = 0;
  std::vector<TenantFinding> findings;  // blocking first, in the order of the checks

  bool blocks_users() const;
};

TenantDiagnosis diagnose_tenant(const TenantFacts& facts,
                                std::chrono::system_clock::time_point now);

}  // namespace sspr::domain::eligibility
