#pragma once
// The reset flow as a stored object (SPEC §5): id, tenant, user, state, gates required and
// passed, the pending challenge, expiry 15 minutes after the last step, correlation id. The
// transitions here are pure; the flow use case loads the flow, applies one, and saves it in
// the same transaction, so any node can serve any step.
//
// States: kVerifying (gates still to pass; a challenge may be pending) → kVerified (every gate
// passed: a new password or an unlock may be submitted) → kDone. A flow also ends as
// kCancelled. A finished, cancelled or expired flow accepts nothing; a gate cannot be skipped
// (the password needs kVerified) nor passed twice with the same method.
//
// The reason given at the start (SPEC §5.2, "why can't you sign in?") decides how a verified
// flow may end: "forgot" by a new password (or an unlock, when allowed), "locked_out" only by
// an unlock. A code that could not be sent is remembered (send_failed_at): from then on the
// user may ask the administrators for help (SPEC §5.6), as long as the flow is open.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.h"
#include "domain/methods/method_type.h"
#include "domain/result.h"
#include "domain/tenant.h"
#include "domain/user.h"

namespace sspr::domain::reset {

using TimePoint = std::chrono::system_clock::time_point;

inline constexpr std::chrono::minutes kFlowIdleLifetime{15};

enum class FlowState { kVerifying, kVerified, kDone, kCancelled };

std::string_view to_string(FlowState state);
std::optional<FlowState> flow_state_from_string(std::string_view text);

// "Why can't you sign in?": kForgot ("forgot") or kLockedOut ("locked_out").
enum class ResetReason { kForgot, kLockedOut };

std::string_view to_string(ResetReason reason);
std::optional<ResetReason> reset_reason_from_string(std::string_view text);

// The challenge of the gate in progress: which method, and what was sent or asked.
struct PendingChallenge {
  methods::MethodType method = methods::MethodType::kEmail;
  std::string code_id;                    // the IssuedCode sent, for code methods
  std::vector<std::string> question_ids;  // the questions asked, for security questions
};

struct ResetFlow {
  std::string id;
  TenantId tenant_id = 0;
  UserId user_id = 0;
  FlowState state = FlowState::kVerifying;
  int gates_required = 1;
  std::vector<methods::MethodType> gates_passed;  // in the order passed, distinct
  std::optional<PendingChallenge> pending;
  std::string correlation_id;
  ResetReason reason = ResetReason::kForgot;
  std::optional<TimePoint> send_failed_at;  // the last code that could not be delivered
  TimePoint created_at;
  TimePoint last_step_at;
  std::int64_t version = 0;  // the store's optimistic-concurrency counter

  TimePoint expires_at() const { return last_step_at + kFlowIdleLifetime; }
  bool expired(TimePoint now) const { return now >= expires_at(); }
  bool passed(methods::MethodType method) const;
};

// A new flow for a user who passed the eligibility checks.
ResetFlow start_flow(std::string id, TenantId tenant, UserId user, int gates_required,
                     std::string correlation_id, TimePoint now,
                     ResetReason reason = ResetReason::kForgot);

// Errors of steps taken out of order. FlowExpired and FlowFinished tell the user to start
// again; the others are programming or tampering errors of the client.
Error flow_expired();
Error flow_finished();
Error gate_already_passed(methods::MethodType method);
Error no_challenge_pending(methods::MethodType method);
Error gates_not_passed(int passed, int required);
// A new password for a flow started as "locked_out".
Error flow_is_unlock_only();
// Contact-your-administrator before any code failed to send in this flow.
Error contact_admin_not_available();

// Records that a challenge of `method` was sent or shown (replacing any pending one).
Result<ResetFlow> begin_gate(ResetFlow flow, PendingChallenge challenge, TimePoint now);

// Records that the pending challenge of `method` was answered correctly: one more gate
// passed, and kVerified when enough are. The challenge is consumed either way.
Result<ResetFlow> pass_gate(ResetFlow flow, methods::MethodType method, TimePoint now);

// Records a wrong answer to the pending challenge (the step counts for the idle expiry; the
// challenge stays pending: codes have their own wrong-entry limit).
Result<ResetFlow> record_failed_attempt(ResetFlow flow, methods::MethodType method, TimePoint now);

// The new password was accepted and written: the flow is done. Refused for "locked_out".
Result<ResetFlow> complete(ResetFlow flow, TimePoint now);

// The account was unlocked (without a new password): the flow is done. Whether the user may
// unlock at all (policy and account) is the caller's check (domain/reset/unlock_rule.h).
Result<ResetFlow> complete_unlock(ResetFlow flow, TimePoint now);

// A code of the gate in progress could not be delivered (SPEC §5.6): remembered, so the user
// may try again or contact their administrator. The pending challenge, if any, is kept.
Result<ResetFlow> record_send_failure(ResetFlow flow, TimePoint now);

// The user asks the administrators for help: only in an open flow in which a code failed to
// send (ContactAdminNotAvailable otherwise). Counts as a step for the idle expiry.
Result<ResetFlow> request_admin_help(ResetFlow flow, TimePoint now);

Result<ResetFlow> cancel(ResetFlow flow, TimePoint now);

}  // namespace sspr::domain::reset
