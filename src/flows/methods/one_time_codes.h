#pragma once
// The one-time codes of the phone and email methods (SPEC §3): issue and check, shared by
// their strategies.
//
// issue(): when the subject has an admit() guard, it runs first in the transaction that stores
// the code (its refusal is returned, nothing stored or sent); then the subject's claim(), when
// set, with the code's id (likewise). A fresh code of code_digits(channel)
// digits from Random; only its keyed digest (platform::OneTimeCodeDigest, bound to the code's id)
// is stored; the code is sent through the Notifier in the subject's language and then forgotten. A
// delivery failure is audited (failure, reason NotificationFailed, masked recipient only) and
// returned.
//
// check(): the code's state is read in a read-only transaction (the subject's record_outcome,
// when set, commits with the new state); the typed code is digested and
// compared in constant time, the outcome computed by domain verify_code() and the new state written
// with the store's compare-and-set. When another request changed the state in between, the check is
// repeated on the fresh state, so of two concurrent entries of the right code exactly one is
// accepted.

#include <optional>
#include <string>

#include "domain/clock.h"
#include "domain/methods/method_type.h"
#include "domain/random.h"
#include "domain/result.h"
#include "flows/methods/method_strategy.h"
#include "notify/notifier.h"
#include "platform/one_time_code_digest.h"
#include "store/store.h"

namespace sspr::flows::methods {

class OneTimeCodes {
 public:
  OneTimeCodes(store::Store& store, const domain::Clock& clock, domain::Random& random,
               notify::Notifier& notifier, const platform::OneTimeCodeDigest& digest);

  // Sends a code for `method` (to `target`: E.164 number or address) over `channel`;
  // `masked_target` is how the answer and the audit show the recipient.
  domain::Result<SentChallenge> issue(const domain::RequestContext& ctx,
                                      const ChallengeSubject& subject,
                                      domain::methods::MethodType method, const std::string& target,
                                      const std::string& masked_target,
                                      domain::methods::Channel channel);

  // Ok when `typed` is the code `code_id` issued for `subject` (its user and subject id) and
  // it is accepted now; otherwise the refusal of verification_errors.h (an unknown code or
  // one of another user or subject is VerificationCodeExpired: start again).
  domain::Status check(const ChallengeSubject& subject, const std::string& code_id,
                       const std::string& typed);

 private:
  store::Store& store_;
  const domain::Clock& clock_;
  domain::Random& random_;
  notify::Notifier& notifier_;
  const platform::OneTimeCodeDigest& digest_;
};

}  // namespace sspr::flows::methods
