#pragma once
// One simulated user at a time, as the reset wizard drives the API (CONTRACT.md "Reset
// flow"): GET captcha + solve → start → challenge email → the code from the outbox → verify
// → challenge mobile_phone with the whole number → the code → verify → new password.
// Every answer is checked (status, state, gates passed); a failed step is an error, the
// flow is abandoned and the client goes on with the next user.

#include <cstdint>
#include <vector>

#include <asio.hpp>

#include "bench_users.h"
#include "node_connections.h"
#include "outbox_codes.h"
#include "step_stats.h"

namespace sspr::bench {

// Step names as reported.
inline constexpr const char* kCaptchaStep = "captcha";
inline constexpr const char* kStartStep = "start";
inline constexpr const char* kChallengeStep = "challenge";
inline constexpr const char* kVerifyStep = "verify";
inline constexpr const char* kPasswordStep = "password";

struct LoadRun {
  OutboxCodes& outbox;
  UserPool& users;
  StepStats& stats;                    // every node together
  std::vector<StepStats>& node_stats;  // per node, in the order of the endpoints
  bool set_password = true;            // complete resets; false: stop after the two gates
  Clock::time_point stop_at;           // no flow starts after this
  std::uint64_t passwords = 0;         // makes every new password different
  std::uint64_t flows_started = 0;
  std::uint64_t flows_completed = 0;  // in or out of the window
  bool users_ran_out = false;
  Clock::time_point users_ran_out_at{};  // when a client first found no user left
};

// Runs flows one after the other on `connections` until `run.stop_at`; each request goes to
// the next node in turn. The first client that finds no user left ends the phase for all of
// them (`run.stop_at` becomes that moment): from there fewer and fewer clients would run.
asio::awaitable<void> run_reset_client(NodeConnections& connections, LoadRun& run);

}  // namespace sspr::bench
