#include "reset_client.h"

#include <algorithm>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "captcha_solver.h"

namespace sspr::bench {
namespace {

using nlohmann::json;

// Named, not literals: GCC 12 cannot put a string literal of a co_await expression into the
// coroutine frame ("array used as initializer").
constexpr std::string_view kGet = "GET";
constexpr std::string_view kPost = "POST";
constexpr const char* kVerifying = "verifying";
constexpr const char* kVerified = "verified";

std::string describe(const HttpResponse& response) {
  if (response.status == 0) return "no answer (" + response.body + ")";
  std::string out = "HTTP " + std::to_string(response.status);
  const auto body = json::parse(response.body, nullptr, false);
  if (body.is_object() && body.contains("error") && body["error"].is_object() &&
      body["error"].contains("name") && body["error"]["name"].is_string()) {
    out += " " + body["error"]["name"].get<std::string>();
  }
  return out;
}

// One timed request; the parsed answer when it has the expected status and is a JSON object.
asio::awaitable<std::optional<json>> step(LoadRun& run, NodeConnections& connection,
                                          const char* name, std::string_view method,
                                          const std::string& target, const std::string& body,
                                          int expected) {
  const auto started = Clock::now();
  const auto routed = co_await connection.request(method, target, body);
  const auto ended = Clock::now();
  const HttpResponse& response = routed.response;
  StepStats& node = run.node_stats.at(routed.node);
  if (response.status != expected) {
    run.stats.error(name, describe(response));
    node.error(name, describe(response));
    co_return std::nullopt;
  }
  auto parsed = json::parse(response.body, nullptr, false);
  if (!parsed.is_object()) {
    run.stats.error(name, "answer is not a JSON object");
    node.error(name, "answer is not a JSON object");
    co_return std::nullopt;
  }
  run.stats.ok(name, started, ended);
  node.ok(name, started, ended);
  co_return parsed;
}

// The code sent to `recipient` after outbox offset `after`; the server appends the message
// before it answers the challenge, so it is normally there at the first look.
asio::awaitable<std::optional<std::string>> code_for(LoadRun& run, const std::string& recipient,
                                                     std::uint64_t after) {
  auto executor = co_await asio::this_coro::executor;
  for (int attempt = 0; attempt < 200; ++attempt) {
    if (auto code = run.outbox.take(recipient, after)) co_return code;
    asio::steady_timer pause(executor, std::chrono::milliseconds(5));
    co_await pause.async_wait(asio::use_awaitable);
  }
  co_return std::nullopt;
}

bool has_state(const json& flow, const char* state) {
  return flow.contains("state") && flow["state"] == state;
}

// The id of the flow's offered method of `type`, or "".
std::string method_id(const json& flow, const char* type) {
  if (!flow.contains("methods") || !flow["methods"].is_array()) return "";
  for (const auto& method : flow["methods"]) {
    if (method.is_object() && method.contains("type") && method["type"] == type &&
        method.contains("id") && method["id"].is_string()) {
      return method["id"].get<std::string>();
    }
  }
  return "";
}

// One gate: challenge (the code goes to `recipient`), read the code, verify. The flow's new
// state must be `state_after`.
asio::awaitable<bool> pass_gate(LoadRun& run, NodeConnections& connection, const std::string& base,
                                json challenge, const std::string& recipient,
                                const char* state_after) {
  const auto before = run.outbox.end_offset();
  const std::string challenge_target = base + "/challenge";
  const std::string challenge_body = challenge.dump();
  if (!co_await step(run, connection, kChallengeStep, kPost, challenge_target, challenge_body,
                     200)) {
    co_return false;
  }
  const auto code = co_await code_for(run, recipient, before);
  if (!code) {
    run.stats.error(kVerifyStep, "no code in the outbox");
    co_return false;
  }
  const json verify = {{"method_id", challenge["method_id"]}, {"code", *code}};
  const std::string verify_target = base + "/verify";
  const std::string verify_body = verify.dump();
  const auto flow =
      co_await step(run, connection, kVerifyStep, kPost, verify_target, verify_body, 200);
  if (!flow) co_return false;
  if (!has_state(*flow, state_after)) {
    run.stats.error(kVerifyStep, std::string("state is not ") + state_after);
    co_return false;
  }
  co_return true;
}

// One flow for `user`; true when it went as far as it should.
asio::awaitable<bool> one_flow(LoadRun& run, NodeConnections& connection, const BenchUser& user) {
  const std::string captcha_target = "/api/v1/captcha";
  const std::string no_body;
  const auto issued =
      co_await step(run, connection, kCaptchaStep, kGet, captcha_target, no_body, 200);
  if (!issued) co_return false;
  const auto solved = solve_captcha(*issued);
  if (!solved) {
    run.stats.error(kCaptchaStep, "no solution");
    co_return false;
  }
  const json start = {{"user_id", user.upn}, {"captcha", *solved}};
  const std::string start_target = "/api/v1/reset/flows";
  const std::string start_body = start.dump();
  const auto flow =
      co_await step(run, connection, kStartStep, kPost, start_target, start_body, 201);
  if (!flow) co_return false;
  const std::string email = method_id(*flow, "email");
  const std::string mobile = method_id(*flow, "mobile_phone");
  if (!has_state(*flow, "verifying") || !flow->contains("id") || !(*flow)["id"].is_string() ||
      email.empty() || mobile.empty() || (*flow)["gates_required"] != 2) {
    run.stats.error(kStartStep, "not a two-gate flow offering email and mobile_phone");
    co_return false;
  }
  const std::string base = "/api/v1/reset/flows/" + (*flow)["id"].get<std::string>();
  const json email_gate = {{"method_id", email}};
  if (!co_await pass_gate(run, connection, base, email_gate, user.email, kVerifying)) {
    co_return false;
  }
  const json mobile_gate = {{"method_id", mobile}, {"channel", "sms"}, {"phone", user.mobile}};
  if (!co_await pass_gate(run, connection, base, mobile_gate, user.mobile, kVerified)) {
    co_return false;
  }
  if (!run.set_password) co_return true;
  const json password = {
      {"password", "Lantern-Quiver-" + std::to_string(++run.passwords) + "-Obelisk"}};
  const std::string password_target = base + "/password";
  const std::string password_body = password.dump();
  const auto done =
      co_await step(run, connection, kPasswordStep, kPost, password_target, password_body, 200);
  if (!done) co_return false;
  if (!has_state(*done, "done")) {
    run.stats.error(kPasswordStep, "state is not done");
    co_return false;
  }
  co_return true;
}

}  // namespace

asio::awaitable<void> run_reset_client(NodeConnections& connection, LoadRun& run) {
  auto executor = co_await asio::this_coro::executor;
  while (Clock::now() < run.stop_at) {
    const BenchUser* user = run.users.next();
    if (!user) {
      if (!run.users_ran_out) {
        run.users_ran_out = true;
        run.users_ran_out_at = Clock::now();
        run.stop_at = std::min(run.stop_at, run.users_ran_out_at);
      }
      co_return;
    }
    ++run.flows_started;
    if (co_await one_flow(run, connection, *user)) {
      ++run.flows_completed;
      run.stats.flow_done(Clock::now());
    } else {
      // A failing server is not hammered in a tight loop.
      asio::steady_timer pause(executor, std::chrono::milliseconds(20));
      co_await pause.async_wait(asio::use_awaitable);
    }
  }
}

}  // namespace sspr::bench
