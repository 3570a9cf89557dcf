#pragma once
// Unlock without reset (SPEC §2, §5.2, §9): offered only when the tenant's policy allows it and
// the user's account lives on premises (a synced user). A cloud account has no on-premises
// lockout to clear; its sign-in lockout ends with a reset.

#include "domain/error.h"
#include "domain/policy/sspr_policy.h"
#include "domain/user.h"

namespace sspr::domain::reset {

bool can_unlock(const policy::SsprPolicy& policy, const User& user);

// UnlockNotAllowed (kForbidden): the policy does not allow unlocking, or the user is not synced.
Error unlock_not_allowed();

}  // namespace sspr::domain::reset
