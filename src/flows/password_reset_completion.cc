// The end of a reset flow (flows/password_reset.h): the new password, or the unlock, recorded
// only once the cloud store or the on-premises directory took it; then the notices.
#include <algorithm>

#include "domain/audit_event.h"
#include "domain/eligibility/eligibility_errors.h"
#include "domain/onprem/writeback_errors.h"
#include "domain/password/password_policy.h"
#include "domain/reset/unlock_rule.h"
#include "domain/sign_in_lockout.h"
#include "flows/password_reset.h"
#include "flows/reset_flow_steps.h"
#include "flows/self_service_audit.h"

namespace sspr::flows {
namespace {

namespace dr = domain::reset;
namespace dt = domain::throttling;
namespace errors = domain::errors;
using domain::Error;
using domain::Result;
using domain::Status;
using reset_steps::concurrent_step;
using reset_steps::flow_context;
using reset_steps::step_details;
using reset_steps::user_key;

// How often the record of a step the directory accepted is tried before giving up
// (OnPremisesSuccessCloudFailure).
constexpr int kRecordAttempts = 3;

}  // namespace

Status PasswordReset::record_completion(store::StoreTransaction& tx,
                                        const domain::RequestContext& ctx, const Loaded& loaded,
                                        Completion completion, dr::TimePoint step_time,
                                        const std::optional<std::string>& hash,
                                        std::optional<ResetFlowView>& view,
                                        const std::string& language) {
  const auto& user = *loaded.facts.user;
  const bool password = completion == Completion::kPassword;
  auto flow = tx.find_reset_flow(loaded.flow.id);
  if (!flow) return errors::not_found("reset flow", loaded.flow.id);
  if (flow->state != dr::FlowState::kDone || !user.password_managed_on_premises()) {
    // (A synced user's flow may have been finished by a concurrent step whose password the
    // directory took as well: the directory holds the last one, and both are recorded.)
    auto done = password ? dr::complete(*flow, step_time) : dr::complete_unlock(*flow, step_time);
    if (!done) return done.error();
    if (!tx.update_reset_flow(*done)) return concurrent_step();
    flow = std::move(*done);
  }
  const auto now = domain::to_iso8601(clock_.now());
  if (hash) tx.set_password_hash(user.id, *hash, now);
  if (password) tx.clear_throttle_attempts(user_key(user));
  // SPEC §7: the sign-in lockout ends with the reset (and with an unlock).
  tx.lock_sign_in_failures(user.id);
  tx.save_sign_in_failures(user.id, domain::record_success());
  write_self_service_audit(tx, clock_, random_, ctx, user,
                           password ? domain::audit_activity::kResetSelfService
                                    : domain::audit_activity::kUnlockSelfService,
                           {}, step_details(password ? "password" : "unlock", loaded.flow.id));
  view = make_view(*flow, loaded.facts, language);
  return domain::ok_status();
}

Result<ResetFlowView> PasswordReset::finish_on_premises(const domain::RequestContext& ctx,
                                                        const Loaded& loaded, Completion completion,
                                                        const std::string& password,
                                                        dr::TimePoint step_time,
                                                        const std::string& language) {
  const auto& user = *loaded.facts.user;
  const bool new_password = completion == Completion::kPassword;
  const auto step = step_details(new_password ? "password" : "unlock", loaded.flow.id);
  const auto answered = new_password ? onprem_.set_password(user.tenant_id, user, password)
                                     : onprem_.unlock(user.tenant_id, user);
  if (!answered) {
    std::optional<Error> refusal;
    const auto audited = store_.transact([&](store::StoreTransaction& tx) -> Status {
      return refuse(tx, ctx, user, answered.error(), step, refusal);
    });
    if (!audited) return audited.error();
    return answered.error();
  }
  std::optional<ResetFlowView> view;
  Status recorded = domain::ok_status();
  for (int attempt = 0; attempt < kRecordAttempts; ++attempt) {
    view.reset();
    recorded = store_.transact([&](store::StoreTransaction& tx) -> Status {
      return record_completion(tx, ctx, loaded, completion, step_time, std::nullopt, view,
                               language);
    });
    if (recorded) break;
  }
  if (!recorded) {
    // The directory is the source of truth: the change stands there. Say so, and leave a
    // record for the administrators when the store takes one.
    const auto error = domain::onprem::success_cloud_failure(
        "the on-premises directory accepted the change; recording it failed: " +
        recorded.error().name);
    std::optional<Error> refusal;
    (void)store_.transact([&](store::StoreTransaction& tx) -> Status {
      return refuse(tx, ctx, user, error, step, refusal);
    });
    return error;
  }
  return std::move(*view);
}

void PasswordReset::notify_completion(const domain::RequestContext& ctx, const Loaded& loaded,
                                      Completion completion, const std::string& language) {
  const auto& user = *loaded.facts.user;
  const auto& policy = loaded.facts.policy;
  const bool admin_notice =
      completion == Completion::kPassword && loaded.facts.facts.is_admin && policy.notify_admins;
  if (!policy.notify_users && !admin_notice) return;
  // The user's addresses as the step read them; the other administrators need a read.
  std::vector<std::string> mailboxes;
  if (policy.notify_users) {
    mailboxes = ResetNotifications::user_mailboxes(user, loaded.facts.methods);
  }
  std::vector<std::string> administrators;
  if (admin_notice) {
    const auto gathered = store_.read([&](store::StoreTransaction& tx) -> Status {
      administrators = ResetNotifications::other_administrators(tx, user);
      return domain::ok_status();
    });
    // The completion stands; without the list there is nobody to tell but the user.
    if (!gathered) administrators.clear();
  }
  const NoticeSubject subject{ctx, user, loaded.tenant_name, loaded.flow.id, language};
  notifications_.send(completion == Completion::kPassword ? NoticeKind::kPasswordReset
                                                          : NoticeKind::kAccountUnlocked,
                      subject, mailboxes);
  notifications_.send(NoticeKind::kAdminReset, subject, administrators);
}

Result<ResetFlowView> PasswordReset::set_password(const domain::RequestContext& request_ctx,
                                                  const std::string& flow_id,
                                                  const std::string& password,
                                                  const std::string& language,
                                                  domain::password::PasswordEvaluation* rejected) {
  // Reads first, beside the writers: the flow, its user and the password's evaluation. A
  // password the rules reject is refused before it is hashed, so it costs no Argon2id work and
  // does not wait behind the hashes of others.
  std::optional<Loaded> loaded;
  std::optional<Error> early;  // a refusal decided while reading, audited in a short write
  std::optional<domain::password::PasswordEvaluation> rejection;  // when the password is why
  const auto read = store_.read([&](store::StoreTransaction& tx) -> Status {
    // A gate step's facts: start decided eligibility, and an account disabled since ends the
    // flow here as at a gate.
    auto found = load(tx, flow_id, false);
    if (!found) return found.error();
    loaded = std::move(*found);
    if (loaded->ended) {
      early = *loaded->ended;
      return domain::ok_status();
    }
    const auto& user = *loaded->facts.user;
    if (auto probe = dr::complete(loaded->flow, clock_.now()); !probe) {
      early = probe.error();
      return domain::ok_status();
    }
    if (user.password_managed_on_premises() && !loaded->facts.policy.writeback) {
      early = domain::eligibility::writeback_not_enabled();
      return domain::ok_status();
    }
    const auto& tenant = loaded->facts.tenant;
    if (!tenant) return errors::not_found("tenant", std::to_string(user.tenant_id));
    auto evaluated = password_rules_.evaluate(tx, *tenant, &user, password,
                                              domain::password::PasswordChange::kReset);
    if (!evaluated) return evaluated.error();
    if (!evaluated->accepted) {
      early = domain::password::password_verdict(*evaluated).error();
      rejection = std::move(*evaluated);
    }
    return domain::ok_status();
  });
  if (!read) return read.error();

  const auto ctx = flow_context(loaded->flow, request_ctx);
  const auto& user = *loaded->facts.user;
  const auto details = step_details("password", flow_id);
  std::optional<Error> refusal;
  if (early) {
    const auto audited = store_.transact([&](store::StoreTransaction& tx) -> Status {
      // A blocked account is told so before it is told about its password (as in the write
      // below, where the block is checked first).
      if (rejection) {
        if (auto blocked = refuse_if_blocked(tx, user_key(user))) {
          return refuse(tx, ctx, user, *blocked, details, refusal);
        }
        if (rejected) *rejected = *rejection;
      }
      return refuse(tx, ctx, user, *early, details, refusal);
    });
    if (!audited) return audited.error();
    return *refusal;
  }

  const bool on_premises = user.password_managed_on_premises();
  // Argon2id work outside the transaction; a synced user's password is not kept here.
  std::optional<std::string> hash;
  if (!on_premises) hash = hasher_.hash(password);
  const auto step_time = clock_.now();
  std::optional<ResetFlowView> view;
  const auto saved = store_.transact([&](store::StoreTransaction& tx) -> Status {
    auto flow = tx.find_reset_flow(flow_id);
    if (!flow || flow->version != loaded->flow.version) {
      return refuse(tx, ctx, user, concurrent_step(), details, refusal);
    }
    if (auto blocked = refuse_if_blocked(tx, user_key(user))) {
      return refuse(tx, ctx, user, *blocked, details, refusal);
    }
    if (!on_premises) {
      return record_completion(tx, ctx, *loaded, Completion::kPassword, step_time, hash, view,
                               language);
    }
    // Claim the step: a concurrent step of this flow now fails its version check instead of
    // reaching the directory too.
    auto claimed = *flow;
    claimed.last_step_at = step_time;
    if (!tx.update_reset_flow(claimed)) return concurrent_step();
    return domain::ok_status();
  });
  if (!saved) return saved.error();
  if (refusal) return *refusal;
  if (on_premises) {
    auto finished =
        finish_on_premises(ctx, *loaded, Completion::kPassword, password, step_time, language);
    if (!finished) return finished.error();
    view = std::move(*finished);
  }
  notify_completion(ctx, *loaded, Completion::kPassword, language);
  return std::move(*view);
}

Result<ResetFlowView> PasswordReset::unlock(const domain::RequestContext& request_ctx,
                                            const std::string& flow_id,
                                            const std::string& language) {
  std::optional<Loaded> loaded;
  std::optional<Error> refusal;
  const auto step_time = clock_.now();
  const auto claimed = store_.transact([&](store::StoreTransaction& tx) -> Status {
    // A gate step's facts, as for the password step: an account disabled since the flow
    // started ends it here.
    auto found = load(tx, flow_id, false);
    if (!found) return found.error();
    loaded = std::move(*found);
    const auto ctx = flow_context(loaded->flow, request_ctx);
    const auto& user = *loaded->facts.user;
    const auto details = step_details("unlock", flow_id);
    if (loaded->ended) return refuse(tx, ctx, user, *loaded->ended, details, refusal);
    if (auto probe = dr::complete_unlock(loaded->flow, step_time); !probe) {
      return refuse(tx, ctx, user, probe.error(), details, refusal);
    }
    if (!dr::can_unlock(loaded->facts.policy, user)) {
      return refuse(tx, ctx, user, dr::unlock_not_allowed(), details, refusal);
    }
    if (auto blocked = refuse_if_blocked(tx, user_key(user))) {
      return refuse(tx, ctx, user, *blocked, details, refusal);
    }
    auto flow = loaded->flow;
    flow.last_step_at = step_time;
    if (!tx.update_reset_flow(flow)) {
      return refuse(tx, ctx, user, concurrent_step(), details, refusal);
    }
    return domain::ok_status();
  });
  if (!claimed) return claimed.error();
  if (refusal) return *refusal;
  const auto ctx = flow_context(loaded->flow, request_ctx);
  auto finished = finish_on_premises(ctx, *loaded, Completion::kUnlock, "", step_time, language);
  if (!finished) return finished.error();
  notify_completion(ctx, *loaded, Completion::kUnlock, language);
  return finished;
}

Result<ResetPasswordSubject> PasswordReset::password_subject(const std::string& flow_id) {
  std::optional<ResetPasswordSubject> subject;
  const auto read = store_.read([&](store::StoreTransaction& tx) -> Status {
    auto found = load(tx, flow_id);
    if (!found) return found.error();
    if (auto probe = dr::complete(found->flow, clock_.now()); !probe) return probe.error();
    subject = ResetPasswordSubject{found->facts.user->tenant_id, found->facts.user->upn};
    return domain::ok_status();
  });
  if (!read) return read.error();
  return std::move(*subject);
}

}  // namespace sspr::flows
