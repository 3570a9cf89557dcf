#include "flows/methods/one_time_codes.h"

#include "domain/audit_event.h"
#include "domain/methods/verification_errors.h"
#include "flows/self_service_audit.h"
#include "notify/message_templates.h"

namespace sspr::flows::methods {
namespace {

namespace dm = domain::methods;

notify::Channel notify_channel(dm::Channel channel) {
  switch (channel) {
    case dm::Channel::kEmail:
      return notify::Channel::kEmail;
    case dm::Channel::kSms:
      return notify::Channel::kSms;
    case dm::Channel::kVoice:
      return notify::Channel::kVoice;
  }
  return notify::Channel::kEmail;
}

// A refused check tries again at most this often when other requests keep changing the code.
constexpr int kMaxCompareAndSetRounds = 8;

}  // namespace

OneTimeCodes::OneTimeCodes(store::Store& store, const domain::Clock& clock, domain::Random& random,
                           notify::Notifier& notifier, const platform::OneTimeCodeDigest& digest)
    : store_(store), clock_(clock), random_(random), notifier_(notifier), digest_(digest) {}

domain::Result<SentChallenge> OneTimeCodes::issue(const domain::RequestContext& ctx,
                                                  const ChallengeSubject& subject,
                                                  dm::MethodType method, const std::string& target,
                                                  const std::string& masked_target,
                                                  dm::Channel channel) {
  const auto now = clock_.now();
  dm::IssuedCode issued;
  issued.id = random_.uuid();
  issued.user_id = subject.user.id;
  issued.purpose = subject.purpose;
  issued.subject_id = subject.subject_id;
  issued.method = method;
  issued.target = target;
  const std::string code = dm::generate_code(random_, channel);
  issued.state = dm::issue_code(digest_.digest(issued.id, code), channel, now);
  std::optional<domain::Error> refused;
  if (auto stored = store_.transact([&](store::StoreTransaction& tx) -> domain::Status {
        if (subject.admit) refused = subject.admit(tx);
        if (!refused && subject.claim) refused = subject.claim(tx, issued.id);
        if (!refused) tx.insert_code(issued);
        return domain::ok_status();
      });
      !stored) {
    return stored.error();
  }
  if (refused) return *refused;

  notify::MessageContext context;
  context.language = subject.language;
  context.tenant_name = subject.tenant_name;
  context.user_name = subject.user.display_name;
  context.upn = subject.user.upn;
  context.time = now;
  const auto sent = notifier_.send(
      notify::verification_code_message(notify_channel(channel), target, code, context));
  if (!sent) {
    // SPEC §10: delivery failures are visible in the audit log (never the code).
    (void)store_.transact([&](store::StoreTransaction& tx) -> domain::Status {
      write_self_service_failure(tx, clock_, random_, ctx, subject.user,
                                 domain::audit_activity::kDeliverVerificationCode, sent.error(),
                                 {{"method", std::string(dm::to_string(method))},
                                  {"channel", std::string(dm::to_string(channel))},
                                  {"to", masked_target},
                                  {"purpose", std::string(dm::to_string(subject.purpose))}});
      return domain::ok_status();
    });
    return sent.error();
  }
  return SentChallenge{issued.id, masked_target};
}

domain::Status OneTimeCodes::check(const ChallengeSubject& subject, const std::string& code_id,
                                   const std::string& typed) {
  // An outcome that changes no code state, recorded by the subject alone.
  const auto finish = [&](domain::Status outcome) -> domain::Status {
    if (!subject.record_outcome) return outcome;
    auto written = store_.transact(
        [&](store::StoreTransaction& tx) { return subject.record_outcome(tx, outcome); });
    if (!written) return written;
    return outcome;
  };
  for (int round = 0; round < kMaxCompareAndSetRounds; ++round) {
    std::optional<dm::IssuedCode> found;
    if (round == 0 && subject.code_read) {
      found = subject.code;  // read by the caller
    } else {
      auto read = store_.read([&](store::StoreTransaction& tx) -> domain::Status {
        found = tx.find_code(code_id);
        return domain::ok_status();
      });
      if (!read) return read;
    }
    if (!found || found->user_id != subject.user.id || found->subject_id != subject.subject_id ||
        found->purpose != subject.purpose) {
      return finish(dm::verification_code_expired());
    }
    const bool matches = digest_.matches(found->state.code_digest, code_id, typed);
    const auto verification = dm::verify_code(found->state, matches, clock_.now());
    const domain::Status outcome = verification.outcome == dm::CodeOutcome::kAccepted
                                       ? domain::ok_status()
                                       : domain::Status(dm::code_refusal(verification));
    // Nothing to record (already used, locked or expired before this entry).
    if (verification.state == found->state) return finish(outcome);
    bool written = false;
    auto write = store_.transact([&](store::StoreTransaction& tx) -> domain::Status {
      written = tx.update_code_state(code_id, found->state, verification.state);
      if (written && subject.record_outcome) return subject.record_outcome(tx, outcome);
      return domain::ok_status();
    });
    if (!write) return write;
    if (!written) continue;  // someone else changed it first: decide again on the fresh state
    return outcome;
  }
  return domain::errors::store_unavailable("the verification code kept changing; try again");
}

}  // namespace sspr::flows::methods
