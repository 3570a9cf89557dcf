#pragma once
// Everything the tenant-wide evaluations need about a tenant's users (diagnose's findings,
// the registration report), read in a handful of set queries inside the caller's
// transaction - users, roles, direct group memberships, licences, group nesting, methods,
// security answers, registration records and throttle blocks - never a query per user.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "domain/eligibility/tenant_findings.h"
#include "domain/policy/sspr_policy.h"
#include "domain/tenant.h"
#include "store/store.h"

namespace sspr::flows {

struct GatheredTenantFacts {
  domain::eligibility::TenantFacts facts;
  // Parallel to facts.users: what the registration report shows beside the facts.
  std::vector<std::string> display_names;
  // ISO 8601 of the newest save or confirmation of the user's security info, by the user or an
  // administrator; "" when nothing was ever saved or confirmed.
  std::vector<std::string> last_updated;
};

// `policy`: the tenant's stored policy (nullopt: never configured); `scoped_group`: the name of
// its group when it still exists.
GatheredTenantFacts gather_tenant_facts(store::StoreTransaction& tx, const domain::Tenant& tenant,
                                        const std::optional<domain::policy::SsprPolicy>& policy,
                                        const std::optional<std::string>& scoped_group,
                                        std::chrono::system_clock::time_point now);

}  // namespace sspr::flows
