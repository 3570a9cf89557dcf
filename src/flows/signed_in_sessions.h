#pragma once
// Sign-in to the self-service pages, the sessions it opens, and sign-out.
//
// sign_in: a cloud user's password is verified against its Argon2id hash. An unknown user,
// a wrong password, a disabled account or a user without a password all get the same
// InvalidCredentials, after the same Argon2id work (a dummy hash is verified when there is
// no real one). A synced user with auth mode pass_through is verified by the on-premises
// directory (SPEC §9: a bind as their onprem_id over the tenant's connection, through the
// port flows/onprem/onprem_user_bind.h): a refused bind is InvalidCredentials like a wrong
// password; a directory that cannot answer is its own error (SSPR_0030 unreachable, SSPR_0029
// misconfigured), audited, and not counted as a wrong password. A pass-through user whose
// tenant has no connection (or no bind port was given), and the other synced users (their
// password hash is not synced), get OnPremisesDirectoryNotConnected. Wrong passwords count towards
// the lockout of domain/sign_in_lockout.h; while locked, SignInLocked is answered before the
// password is looked at. The count is updated in one transaction with the row locked, so
// concurrent attempts are counted exactly. Each attempt on a known user is audited
// ("Sign in (self-service)", success or failure with the reason), never the password.
//
// The digest of a wrong password (keyed, bound to the user) is kept only until the next
// lockout or successful sign-in, so the same mistake typed again is not counted twice.
//
// lookup: a token names a live session (idle and absolute limits); each lookup moves the idle
// expiry forward. An expired or unknown token, or a user disabled or deleted since, is
// Unauthenticated.

#include <string>

#include "domain/actor.h"
#include "domain/clock.h"
#include "domain/password_hasher.h"
#include "domain/random.h"
#include "domain/result.h"
#include "domain/session.h"
#include "domain/sign_in_lockout.h"
#include "domain/user.h"
#include "flows/onprem/onprem_user_bind.h"
#include "store/store.h"

namespace sspr::flows {

// A session as its holder sees it.
struct SignedInUser {
  domain::Session session;
  domain::User user;
  std::string csrf_token;
};

// The result of a sign-in: the token goes into the cookie and is shown nowhere else.
struct SignedIn {
  std::string token;
  SignedInUser signed_in;
};

class SignedInSessions {
 public:
  SignedInSessions(store::Store& store, const domain::Clock& clock, domain::Random& random,
                   const domain::PasswordHasher& hasher, domain::SessionLimits limits = {},
                   domain::SignInLockoutPolicy lockout = {},
                   onprem::OnPremisesUserBind* pass_through = nullptr);

  domain::Result<SignedIn> sign_in(const domain::RequestContext& ctx, const std::string& upn,
                                   const std::string& password);
  domain::Result<SignedInUser> lookup(const std::string& token);
  // Marks the session for the "register when signing in" interrupt (SPEC §2).
  domain::Status mark_must_register(const std::string& session_id);
  // Ends the session (ok also when it had ended already).
  domain::Status sign_out(const domain::RequestContext& ctx, const SignedInUser& signed_in);

  const domain::SessionLimits& limits() const { return limits_; }

 private:
  domain::Result<SignedIn> finish(const domain::RequestContext& ctx, const domain::User& user,
                                  const std::string& password, bool correct);
  // A disabled account: audited, and the same InvalidCredentials as a wrong password.
  domain::Result<SignedIn> refuse_disabled(const domain::RequestContext& ctx,
                                           const domain::User& user);

  store::Store& store_;
  const domain::Clock& clock_;
  domain::Random& random_;
  const domain::PasswordHasher& hasher_;
  domain::SessionLimits limits_;
  domain::SignInLockoutPolicy lockout_;
  onprem::OnPremisesUserBind* pass_through_;  // null: pass-through sign-in is not available
  std::string dummy_hash_;  // verified when a user has no hash, to even out the timing
};

}  // namespace sspr::flows
