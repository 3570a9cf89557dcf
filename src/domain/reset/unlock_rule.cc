#include "domain/reset/unlock_rule.h"

namespace sspr::domain::reset {

bool can_unlock(const policy::SsprPolicy& policy, const User& user) {
  return policy.unlock && user.source == UserSource::kSynced;
}

Error unlock_not_allowed() {
  return Error{ErrorKind::kForbidden, "UnlockNotAllowed", "UnlockNotAllowed",
               "error.UnlockNotAllowed",
               "unlocking without a reset needs the policy's unlock setting on and a synced user"};
}

}  // namespace sspr::domain::reset
