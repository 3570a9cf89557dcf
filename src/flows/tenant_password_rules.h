#pragma once
// The password policy of one tenant applied inside a store transaction: the banned terms are
// the global list, the tenant's custom list (as stored now) and the tenant's name. Used by
// every path that sets a password and by the "evaluate" use case, so they cannot disagree.
//
// Each tenant's BannedTermIndex is built once and shared: a process-wide cache keyed by
// tenant id holds the custom list and name it was built from, and is rebuilt when the
// stored ones differ (so a change is seen by the next evaluation, on any instance).

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/password/banned_term_index.h"
#include "domain/password/breached_password_list.h"
#include "domain/password/password_policy.h"
#include "domain/result.h"
#include "domain/tenant.h"
#include "domain/user.h"
#include "store/store.h"

namespace sspr::flows {

// The index for `tenant` with these custom terms (normalised, as stored) and name.
domain::Result<std::shared_ptr<const domain::password::BannedTermIndex>> tenant_banned_term_index(
    domain::TenantId tenant, const std::string& tenant_name,
    const std::vector<std::string>& custom_terms);

// Evaluates `password` for `user` (null: no user names are checked) of `tenant`, and against
// `breached` when one is loaded (null: no breached-password filter). The reuse check of a
// kChange asks `matches_current` (see PasswordCandidate); without it no reuse check is made.
domain::Result<domain::password::PasswordEvaluation> evaluate_tenant_password(
    store::StoreTransaction& tx, const domain::Tenant& tenant, const domain::User* user,
    const std::string& password, domain::password::PasswordChange change,
    const domain::password::BreachedPasswordList* breached,
    std::function<bool()> matches_current = {});

}  // namespace sspr::flows
