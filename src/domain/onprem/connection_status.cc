#include "domain/onprem/connection_status.h"

namespace sspr::domain::onprem {

std::string_view connection_state_name(ConnectionState state) {
  switch (state) {
    case ConnectionState::kUp:
      return "up";
    case ConnectionState::kMisconfigured:
      return "misconfigured";
    case ConnectionState::kUnreachable:
      return "unreachable";
  }
  return "misconfigured";
}

std::optional<ConnectionState> parse_connection_state(std::string_view text) {
  for (auto state :
       {ConnectionState::kUp, ConnectionState::kMisconfigured, ConnectionState::kUnreachable}) {
    if (connection_state_name(state) == text) return state;
  }
  return std::nullopt;
}

std::optional<ConnectionState> state_of_outcome(const std::optional<Error>& failure) {
  if (!failure) return ConnectionState::kUp;
  if (failure->code == "SSPR_0030") return ConnectionState::kUnreachable;
  if (failure->code == "SSPR_0029") return ConnectionState::kMisconfigured;
  return std::nullopt;
}

ConnectionStatus next_status(const std::optional<ConnectionStatus>& previous, ConnectionState state,
                             const std::string& reason, const std::string& now) {
  ConnectionStatus next{state, now, now, state == ConnectionState::kUp ? "" : reason};
  if (previous && previous->state == state) next.since = previous->since;
  return next;
}

}  // namespace sspr::domain::onprem
