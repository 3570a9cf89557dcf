#pragma once
// The whole password policy of SPEC §8 for a cloud user, as one pure evaluation that explains
// itself: the complexity rules, no reuse of the current password on a change, and the banned
// password evaluation, and the breached-password list when one is given.
//
// Evaluation order: a password that is not valid UTF-8 gets InvalidEncoding alone. Otherwise
// every rule is evaluated and every failing reason reported, in the order TooShort/TooLong,
// NotEnoughCharacterClasses, ReusedPassword, BannedPassword, ContainsUserName,
// BreachedPassword, except that a password longer than 256 code points is not searched for
// banned terms (it is rejected anyway, and this bounds the work an attacker can cause).

#include <functional>
#include <string_view>
#include <vector>

#include "domain/password/banned_password_check.h"
#include "domain/password/banned_term_index.h"
#include "domain/password/breached_password_list.h"
#include "domain/password/password_reason.h"
#include "domain/result.h"

namespace sspr::domain::password {

enum class PasswordChange {
  kReset,     // "I forgot my password": the current password may be chosen again
  kChange,    // the user knows the current password: it may not be reused
  kAdminSet,  // an administrator sets it: no reuse check
};

struct PasswordCandidate {
  std::string_view password;  // UTF-8, as entered
  PasswordChange change = PasswordChange::kReset;
  // Whether `password` is the user's current password (typically PasswordHasher::verify
  // against the stored hash). Called at most once, and only for kChange; empty means the user
  // has no current password.
  std::function<bool()> matches_current;
  std::string_view first_name;  // UTF-8; may be empty
  std::string_view last_name;   // UTF-8; may be empty
};

struct PasswordEvaluation {
  bool accepted = false;
  int score = 0;  // the banned-password score; 0 when the banned evaluation did not run
  std::vector<PasswordReason> reasons;
  std::vector<FoundTerm> found;  // explanation for administrators and the "why" API

  bool has(PasswordReason reason) const;
};

// `index` holds the tenant's banned terms (global list, custom list, tenant name).
// `breached` is the imported breached-password list; nullptr means none is configured.
PasswordEvaluation evaluate_password(const PasswordCandidate& candidate,
                                     const BannedTermIndex& index,
                                     const BreachedPasswordList* breached = nullptr);

// ok when `evaluation` is accepted; otherwise a kRejected error: FuzzyPolicyViolation-
// InvalidPassword when a banned term or the user's name is the reason, PasswordPolicyViolation
// otherwise. The technical line lists the reason names and score, never the password or the
// terms found in it.
Status password_verdict(const PasswordEvaluation& evaluation);

}  // namespace sspr::domain::password
