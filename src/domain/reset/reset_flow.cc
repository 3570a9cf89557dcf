#include "domain/reset/reset_flow.h"

#include <algorithm>

namespace sspr::domain::reset {

namespace {

Error flow_error(ErrorKind kind, const std::string& name, std::string technical) {
  return Error{kind, name, name, "error." + name, std::move(technical)};
}

// The checks every step makes first: the flow is still open and not expired.
Status open_at(const ResetFlow& flow, TimePoint now) {
  if (flow.state == FlowState::kDone || flow.state == FlowState::kCancelled) {
    return flow_finished();
  }
  if (flow.expired(now)) return flow_expired();
  return ok_status();
}

}  // namespace

std::string_view to_string(FlowState state) {
  switch (state) {
    case FlowState::kVerifying:
      return "verifying";
    case FlowState::kVerified:
      return "verified";
    case FlowState::kDone:
      return "done";
    case FlowState::kCancelled:
      return "cancelled";
  }
  return "verifying";
}

std::optional<FlowState> flow_state_from_string(std::string_view text) {
  for (auto state :
       {FlowState::kVerifying, FlowState::kVerified, FlowState::kDone, FlowState::kCancelled}) {
    if (to_string(state) == text) return state;
  }
  return std::nullopt;
}

std::string_view to_string(ResetReason reason) {
  return reason == ResetReason::kLockedOut ? "locked_out" : "forgot";
}

std::optional<ResetReason> reset_reason_from_string(std::string_view text) {
  for (auto reason : {ResetReason::kForgot, ResetReason::kLockedOut}) {
    if (to_string(reason) == text) return reason;
  }
  return std::nullopt;
}

bool ResetFlow::passed(methods::MethodType method) const {
  return std::find(gates_passed.begin(), gates_passed.end(), method) != gates_passed.end();
}

ResetFlow start_flow(std::string id, TenantId tenant, UserId user, int gates_required,
                     std::string correlation_id, TimePoint now, ResetReason reason) {
  ResetFlow flow;
  flow.id = std::move(id);
  flow.tenant_id = tenant;
  flow.user_id = user;
  flow.gates_required = gates_required;
  flow.correlation_id = std::move(correlation_id);
  flow.reason = reason;
  flow.created_at = now;
  flow.last_step_at = now;
  return flow;
}

Error flow_expired() {
  return flow_error(ErrorKind::kRejected, "ResetFlowExpired",
                    "the reset flow expired (15 minutes after its last step)");
}

Error flow_finished() {
  return flow_error(ErrorKind::kRejected, "ResetFlowFinished",
                    "the reset flow is finished and accepts no more steps");
}

Error gate_already_passed(methods::MethodType method) {
  return flow_error(ErrorKind::kConflict, "GateAlreadyPassed",
                    "the gate with " + std::string(methods::to_string(method)) +
                        " was passed already; choose a different method");
}

Error no_challenge_pending(methods::MethodType method) {
  return flow_error(
      ErrorKind::kConflict, "NoChallengePending",
      "no challenge of " + std::string(methods::to_string(method)) + " is pending in this flow");
}

Error gates_not_passed(int passed, int required) {
  return flow_error(
      ErrorKind::kConflict, "GatesNotPassed",
      std::to_string(passed) + " of " + std::to_string(required) + " verification gates passed");
}

Error flow_is_unlock_only() {
  return flow_error(ErrorKind::kConflict, "ResetFlowIsUnlockOnly",
                    "the flow was started for a locked account (reason locked_out): it can only "
                    "unlock, not set a new password");
}

Error contact_admin_not_available() {
  return flow_error(ErrorKind::kConflict, "ContactAdminNotAvailable",
                    "no verification code failed to send in this flow, so there is nothing to "
                    "ask the administrators for yet");
}

Result<ResetFlow> begin_gate(ResetFlow flow, PendingChallenge challenge, TimePoint now) {
  if (auto status = open_at(flow, now); !status) return status.error();
  if (flow.state != FlowState::kVerifying) {
    return gates_not_passed(static_cast<int>(flow.gates_passed.size()), flow.gates_required);
  }
  if (flow.passed(challenge.method)) return gate_already_passed(challenge.method);
  flow.pending = std::move(challenge);
  flow.last_step_at = now;
  return flow;
}

Result<ResetFlow> pass_gate(ResetFlow flow, methods::MethodType method, TimePoint now) {
  if (auto status = open_at(flow, now); !status) return status.error();
  if (flow.state != FlowState::kVerifying || !flow.pending || flow.pending->method != method) {
    return no_challenge_pending(method);
  }
  if (flow.passed(method)) return gate_already_passed(method);
  flow.gates_passed.push_back(method);
  flow.pending.reset();
  flow.last_step_at = now;
  if (static_cast<int>(flow.gates_passed.size()) >= flow.gates_required) {
    flow.state = FlowState::kVerified;
  }
  return flow;
}

Result<ResetFlow> record_failed_attempt(ResetFlow flow, methods::MethodType method, TimePoint now) {
  if (auto status = open_at(flow, now); !status) return status.error();
  if (!flow.pending || flow.pending->method != method) return no_challenge_pending(method);
  flow.last_step_at = now;
  return flow;
}

namespace {

Result<ResetFlow> finish_verified(ResetFlow flow, TimePoint now) {
  if (auto status = open_at(flow, now); !status) return status.error();
  if (flow.state != FlowState::kVerified) {
    return gates_not_passed(static_cast<int>(flow.gates_passed.size()), flow.gates_required);
  }
  flow.state = FlowState::kDone;
  flow.last_step_at = now;
  return flow;
}

}  // namespace

Result<ResetFlow> complete(ResetFlow flow, TimePoint now) {
  if (auto status = open_at(flow, now); !status) return status.error();
  if (flow.reason == ResetReason::kLockedOut) return flow_is_unlock_only();
  return finish_verified(std::move(flow), now);
}

Result<ResetFlow> complete_unlock(ResetFlow flow, TimePoint now) {
  return finish_verified(std::move(flow), now);
}

Result<ResetFlow> record_send_failure(ResetFlow flow, TimePoint now) {
  if (auto status = open_at(flow, now); !status) return status.error();
  flow.send_failed_at = now;
  flow.last_step_at = now;
  return flow;
}

Result<ResetFlow> request_admin_help(ResetFlow flow, TimePoint now) {
  if (auto status = open_at(flow, now); !status) return status.error();
  if (!flow.send_failed_at) return contact_admin_not_available();
  flow.last_step_at = now;
  return flow;
}

Result<ResetFlow> cancel(ResetFlow flow, TimePoint now) {
  if (flow.state == FlowState::kDone || flow.state == FlowState::kCancelled) {
    return flow_finished();
  }
  flow.state = FlowState::kCancelled;
  flow.pending.reset();
  flow.last_step_at = now;
  return flow;
}

}  // namespace sspr::domain::reset
