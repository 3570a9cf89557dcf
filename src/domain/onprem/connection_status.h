#pragma once
// A tenant's on-premises connection status as the console, `sspr onprem show` and diagnose
// show it (SPEC §9): up, misconfigured (the directory answered and something is for the
// administrator to fix: SSPR_0029) or unreachable (SSPR_0030), and since when it has been so.
// Every connection test, sync and writeback records what it observed; `since` only moves when
// the state changes.

#include <optional>
#include <string>
#include <string_view>

#include "domain/error.h"

namespace sspr::domain::onprem {

enum class ConnectionState { kUp, kMisconfigured, kUnreachable };

std::string_view connection_state_name(ConnectionState state);  // "up", "misconfigured", ...
std::optional<ConnectionState> parse_connection_state(std::string_view text);

struct ConnectionStatus {
  ConnectionState state = ConnectionState::kUp;
  std::string since;       // ISO 8601: when this state began
  std::string checked_at;  // ISO 8601: the last observation
  std::string reason;      // the technical line of the last failure; "" when up
};

// The state an outcome of the directory stands for: ok → up, SSPR_0030 → unreachable, any
// other directory error → misconfigured. Errors that say nothing about the connection (a
// password the directory's policy refused: OnPremisesPolicyViolation) → nullopt.
std::optional<ConnectionState> state_of_outcome(const std::optional<Error>& failure);

// The status after observing `state` at `now`.
ConnectionStatus next_status(const std::optional<ConnectionStatus>& previous, ConnectionState state,
                             const std::string& reason, const std::string& now);

}  // namespace sspr::domain::onprem
