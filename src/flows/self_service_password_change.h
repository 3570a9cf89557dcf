#pragma once
// A signed-in user changes their own password (SPEC §8): the current password must verify,
// and the new one passes the tenant's whole password policy as a *change* (so the current
// password cannot be chosen again). Success stores the new Argon2id hash, ends the user's
// other sessions and is audited "Change password (self-service)"; a rejection writes nothing
// but a failure record with the reason (the error name). No password reaches a log or audit.
//
// Synced users: their password lives on premises, and no directory is connected yet, so the
// answer is OnPremisesDirectoryNotConnected.

#include <optional>
#include <string>

#include "domain/actor.h"
#include "domain/clock.h"
#include "domain/password/breached_password_list.h"
#include "domain/password/password_policy.h"
#include "domain/password_hasher.h"
#include "domain/random.h"
#include "domain/result.h"
#include "flows/signed_in_sessions.h"
#include "flows/tenant_password_rules.h"
#include "store/store.h"

namespace sspr::flows {

// Why a change was refused: the error, and the policy evaluation when the new password was
// the problem (its reasons are what the page shows).
struct PasswordChangeRefusal {
  domain::Error error;
  std::optional<domain::password::PasswordEvaluation> evaluation;
};

class SelfServicePasswordChange {
 public:
  // `breached` may be null (no breached-password filter loaded).
  SelfServicePasswordChange(store::Store& store, const domain::Clock& clock, domain::Random& random,
                            const domain::PasswordHasher& hasher,
                            const domain::password::BreachedPasswordList* breached = nullptr);

  // Empty on success.
  std::optional<PasswordChangeRefusal> change(const domain::RequestContext& ctx,
                                              const SignedInUser& signed_in,
                                              const std::string& current_password,
                                              const std::string& new_password);

 private:
  std::optional<PasswordChangeRefusal> refuse(
      const domain::RequestContext& ctx, const domain::User& user, domain::Error error,
      std::optional<domain::password::PasswordEvaluation> evaluation = std::nullopt);

  store::Store& store_;
  const domain::Clock& clock_;
  domain::Random& random_;
  const domain::PasswordHasher& hasher_;
  TenantPasswordRules password_rules_;
};

}  // namespace sspr::flows
