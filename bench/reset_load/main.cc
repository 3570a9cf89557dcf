// sspr_reset_load: the reset-flow load generator (issue 5, docs/PERFORMANCE.md).
//
// Starts `sspr serve` on loopback with a fresh SQLite data directory (or a given --db), a
// small CAPTCHA and the file outbox; seeds a tenant of users through the CLI and the admin
// API; measures the machine's Argon2id ceiling with the server's parameters; then runs
//   1. complete resets (captcha → start → email gate → mobile gate → new password) with
//      --clients concurrent clients, and
//   2. the non-hashing steps only (the same flow without the password) with --gate-clients,
// and prints the figures. With --nodes N (or several --url) every client sends each request
// to the next node in turn, as a load balancer without affinity, and the figures are given
// per node and in total. Exit status 0 when every step succeeded, 1 when any failed,
// 2 on bad usage or when the server could not be set up.

#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>
#include <asio.hpp>
#include <nlohmann/json.hpp>

#include "argon2_ceiling.h"
#include "bench_users.h"
#include "config/config.h"
#include "http_connection.h"
#include "outbox_codes.h"
#include "process_cpu.h"
#include "reset_client.h"
#include "sspr_process.h"
#include "step_stats.h"
#include "tenant_seed.h"

namespace sspr::bench {
namespace {

// What the server does per complete reset that costs an Argon2id hash: the new password
// (flows/password_reset.cc set_password). Nothing else on the path hashes with Argon2id: the
// CAPTCHA is an HMAC, one-time codes are keyed BLAKE2b digests, users are seeded without a
// password (so no "not the old password" check), and no security questions are asked.
constexpr int kHashesPerReset = 1;
// Flows per user over a run: below SPEC §7's 5 reset attempts / 5 phone verifications an hour.
constexpr std::size_t kMaxFlowsPerUser = 4;

struct Options {
  std::string sspr;
  std::string data;
  std::string db;
  std::string config;
  std::vector<std::string> urls;
  std::size_t nodes = 1;
  std::string token;
  std::string domain;
  std::string outbox;
  std::string mode = "all";
  std::string json_out;
  std::size_t users = 4000;
  std::size_t clients = 32;
  std::size_t gate_clients = 64;
  double duration = 20;
  double gate_duration = 10;
  double warmup = 2;
  double ceiling_seconds = 3;
  unsigned difficulty = 100;
  bool keep = false;
};

struct PhaseResult {
  std::string name;
  std::size_t clients = 0;
  double seconds = 0;            // as run: shorter than asked when the users ran out
  double requested_seconds = 0;  // --duration / --gate-duration
  StepStats stats;
  std::uint64_t flows_started = 0;
  std::uint64_t flows_completed = 0;
  bool users_ran_out = false;
  double generator_cpu = -1;  // seconds
  double server_cpu = -1;     // seconds, every node together
  std::vector<StepStats> node_stats;
  std::vector<double> node_cpu;  // seconds per node (negative: not known)
};

std::string self_directory() {
  std::error_code error;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", error);
  return error ? "." : exe.parent_path().string();
}

std::optional<asio::ip::tcp::endpoint> parse_endpoint(std::string text) {
  if (text.starts_with("http://")) text.erase(0, 7);
  if (const auto slash = text.find('/'); slash != std::string::npos) text.erase(slash);
  const auto colon = text.rfind(':');
  if (colon == std::string::npos) return std::nullopt;
  std::error_code error;
  const auto address = asio::ip::make_address(text.substr(0, colon), error);
  if (error) return std::nullopt;
  try {
    return asio::ip::tcp::endpoint(address,
                                   static_cast<unsigned short>(std::stoi(text.substr(colon + 1))));
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

void set_env(const char* name, const std::string& value) { ::setenv(name, value.c_str(), 1); }

// Runs `clients` reset clients for `seconds` against `nodes`; rates count what ends after
// the warm-up.
PhaseResult run_phase(const std::string& name, const std::vector<asio::ip::tcp::endpoint>& nodes,
                      OutboxCodes& outbox, UserPool& users, std::size_t clients, double seconds,
                      double warmup, bool set_password, const std::vector<pid_t>& server_pids) {
  PhaseResult result;
  result.name = name;
  result.clients = clients;
  result.seconds = seconds;
  result.requested_seconds = seconds;
  result.node_stats.resize(nodes.size());
  asio::io_context io(1);
  const auto started = Clock::now();
  const auto stop_at =
      started + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  const auto window_from =
      started + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(warmup));
  result.stats.set_window(window_from, stop_at);
  for (auto& node : result.node_stats) node.set_window(window_from, stop_at);
  LoadRun run{outbox, users, result.stats, result.node_stats, set_password, stop_at};
  std::vector<std::unique_ptr<NodeConnections>> connections;
  std::vector<double> server_before;
  for (const pid_t pid : server_pids) server_before.push_back(process_tree_cpu_seconds(pid));
  const double self_before = process_cpu_seconds(::getpid());
  for (std::size_t i = 0; i < clients; ++i) {
    connections.push_back(std::make_unique<NodeConnections>(io.get_executor(), nodes, i));
    asio::co_spawn(io, run_reset_client(*connections.back(), run), [](std::exception_ptr error) {
      if (!error) return;
      try {
        std::rethrow_exception(error);
      } catch (const std::exception& e) {
        std::cerr << "client stopped: " << e.what() << "\n";
      }
    });
  }
  io.run();
  if (run.users_ran_out) {
    // The rates cover the window up to that moment; the CPU figures the whole phase, which
    // ended when the flows then under way had ended.
    const auto to = std::max(window_from, run.users_ran_out_at);
    result.stats.set_window(window_from, to);
    for (auto& node : result.node_stats) node.set_window(window_from, to);
    result.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  }
  result.generator_cpu = process_cpu_seconds(::getpid()) - self_before;
  if (!server_pids.empty()) result.server_cpu = 0;
  for (std::size_t i = 0; i < server_pids.size(); ++i) {
    result.node_cpu.push_back(process_tree_cpu_seconds(server_pids[i]) - server_before[i]);
    result.server_cpu += result.node_cpu.back();
  }
  result.flows_started = run.flows_started;
  result.flows_completed = run.flows_completed;
  result.users_ran_out = run.users_ran_out;
  return result;
}

// Users enough for `phase.requested_seconds` at the rate flows started, with a tenth to spare.
std::size_t users_for_whole_phase(const PhaseResult& phase) {
  const double flows_per_second = static_cast<double>(phase.flows_started) / phase.seconds;
  return static_cast<std::size_t>(1.1 * flows_per_second * phase.requested_seconds /
                                  static_cast<double>(kMaxFlowsPerUser)) +
         1;
}

void print_steps(const PhaseResult& phase, const std::vector<std::string>& steps) {
  std::printf("  %-28s %12s %9s %9s %9s %8s\n", "step", "requests/s", "p50 ms", "p99 ms", "max ms",
              "errors");
  auto row = [](const StepSummary& s) {
    std::printf("  %-28s %12.1f %9.2f %9.2f %9.2f %8llu\n", s.step.c_str(), s.per_second, s.p50_ms,
                s.p99_ms, s.max_ms, static_cast<unsigned long long>(s.errors));
  };
  for (const auto& step : steps) row(phase.stats.summary(step));
  row(phase.stats.combined("start+challenge+verify", {kStartStep, kChallengeStep, kVerifyStep}));
  const double wall = phase.seconds;
  std::printf(
      "  CPU over the %.0f s: server %.1f s (%.0f %% of one core), generator %.1f s "
      "(%.0f %%)\n",
      wall, phase.server_cpu, 100 * phase.server_cpu / wall, phase.generator_cpu,
      100 * phase.generator_cpu / wall);
  if (phase.node_stats.size() > 1) {
    for (std::size_t i = 0; i < phase.node_stats.size(); ++i) {
      const auto node = phase.node_stats[i].combined("", steps);
      std::printf(
          "  node %zu: %.1f requests/s (every step above), p50 %.2f ms, p99 %.2f ms, %llu errors",
          i + 1, node.per_second, node.p50_ms, node.p99_ms,
          static_cast<unsigned long long>(node.errors));
      if (i < phase.node_cpu.size()) {
        std::printf(", server CPU %.1f s (%.0f %% of one core)", phase.node_cpu[i],
                    100 * phase.node_cpu[i] / wall);
      }
      std::printf("\n");
    }
  }
  for (const auto& [reason, count] : phase.stats.error_reasons()) {
    std::printf("  error: %s  x%llu\n", reason.c_str(), static_cast<unsigned long long>(count));
  }
  if (phase.users_ran_out) {
    std::printf(
        "  warning: every user had had %zu flows after %.1f of the %.0f s asked for, so the "
        "phase ended there; raise --users to about %zu for the whole phase\n",
        kMaxFlowsPerUser, phase.seconds, phase.requested_seconds, users_for_whole_phase(phase));
  }
}

nlohmann::json step_json(const StepSummary& s) {
  return {{"requests_per_second", s.per_second},
          {"ok", s.ok},
          {"errors", s.errors},
          {"p50_ms", s.p50_ms},
          {"p99_ms", s.p99_ms},
          {"max_ms", s.max_ms}};
}

nlohmann::json phase_json(const PhaseResult& phase, const std::vector<std::string>& steps) {
  nlohmann::json out = {{"clients", phase.clients},
                        {"seconds", phase.seconds},
                        {"requested_seconds", phase.requested_seconds},
                        {"users_ran_out", phase.users_ran_out},
                        {"window_seconds", phase.stats.window_seconds()},
                        {"flows_completed_in_window", phase.stats.flows_in_window()},
                        {"flows_started", phase.flows_started},
                        {"errors", phase.stats.total_errors()},
                        {"error_reasons", phase.stats.error_reasons()},
                        {"server_cpu_seconds", phase.server_cpu},
                        {"generator_cpu_seconds", phase.generator_cpu}};
  for (const auto& step : steps) out["steps"][step] = step_json(phase.stats.summary(step));
  out["steps"]["start+challenge+verify"] =
      step_json(phase.stats.combined("", {kStartStep, kChallengeStep, kVerifyStep}));
  out["nodes"] = nlohmann::json::array();
  for (std::size_t i = 0; i < phase.node_stats.size(); ++i) {
    nlohmann::json node = {
        {"all_steps", step_json(phase.node_stats[i].combined("", steps))},
        {"start+challenge+verify",
         step_json(phase.node_stats[i].combined("", {kStartStep, kChallengeStep, kVerifyStep}))}};
    if (i < phase.node_cpu.size()) node["server_cpu_seconds"] = phase.node_cpu[i];
    out["nodes"].push_back(node);
  }
  return out;
}

int run(const Options& options) {
  const bool given_server = !options.urls.empty();
  if (given_server && (options.token.empty() || options.domain.empty() || options.outbox.empty())) {
    std::cerr << "--url needs --token, --domain and --outbox\n";
    return 2;
  }
  const bool resets = options.mode == "all" || options.mode == "resets";
  const bool gates = options.mode == "all" || options.mode == "gates";
  const std::size_t most_clients =
      std::max(resets ? options.clients : 0, gates ? options.gate_clients : 0);
  if (options.nodes == 0) {
    std::cerr << "--nodes must be at least 1\n";
    return 2;
  }
  if (options.users < 4 * most_clients) {
    std::cerr << "--users must be at least 4 x the clients (no user in two flows at once)\n";
    return 2;
  }

  // Under $TMPDIR (else /tmp); kept after a failed run, for its logs.
  std::error_code no_temp;
  auto temp = std::filesystem::temp_directory_path(no_temp);
  if (no_temp) temp = "/tmp";
  std::string work_template = (temp / "sspr-reset-load-XXXXXX").string();
  if (!::mkdtemp(work_template.data())) {
    std::perror("mkdtemp");
    return 2;
  }
  const std::filesystem::path work = work_template;
  const std::string outbox_path = given_server ? options.outbox : (work / "outbox.jsonl").string();
  const std::string domain =
      given_server ? options.domain
                   : "reset-load-" + std::to_string(::getpid()) + ".test";  // unique per run
  // The server is a child: it sees these, and so does load_config below.
  if (!given_server) {
    set_env("SSPR_CAPTCHA_DIFFICULTY", std::to_string(options.difficulty));
    set_env("SSPR_NOTIFY_EMAIL", "file");
    set_env("SSPR_NOTIFY_SMS", "file");
    set_env("SSPR_NOTIFY_OUTBOX_PATH", outbox_path);
    if (!::getenv("SSPR_LOG_LEVEL")) set_env("SSPR_LOG_LEVEL", "warn");
    // Seeding imports 800 users' methods per request on 16 connections: on PostgreSQL with
    // a busy machine one import can outlast the default 30 s.
    if (!::getenv("SSPR_SERVER_REQUEST_TIMEOUT_SECONDS")) {
      set_env("SSPR_SERVER_REQUEST_TIMEOUT_SECONDS", "300");
    }
  }
  auto config = config::load_config(
      options.config.empty() ? std::nullopt : std::optional<std::string>(options.config),
      config::process_environment());
  if (!config) {
    std::cerr << "configuration: " << config.error().technical << "\n";
    std::error_code ignored;
    std::filesystem::remove_all(work, ignored);  // still empty: nothing to keep
    return 2;
  }
  const platform::Argon2idParameters argon2{config->security.argon2_memory_kib,
                                            config->security.argon2_iterations};

  std::vector<std::string> store_args;
  if (!options.db.empty()) {
    // The data directory still holds the nodes' shared secret key.
    store_args = {"--db", options.db, "--data",
                  options.data.empty() ? (work / "data").string() : options.data};
  } else {
    store_args = {"--data", options.data.empty() ? (work / "data").string() : options.data};
  }
  if (!options.config.empty()) store_args.insert(store_args.end(), {"--config", options.config});

  // Nodes on one store: their state is all in the database (docs/OPERATIONS.md "Scale out").
  std::vector<std::unique_ptr<ServerProcess>> servers;
  std::vector<std::string> addresses = options.urls;
  std::string token = options.token;
  const std::string cli_log = (work / "cli.log").string();
  auto fail = [&](const std::string& what) {
    std::cerr << what << " (logs in " << work.string() << ")\n";
    return 2;
  };
  if (!given_server) {
    const std::string sspr = options.sspr.empty() ? self_directory() + "/sspr" : options.sspr;
    auto cli = [&](std::vector<std::string> args) {
      std::vector<std::string> argv{sspr, "--json"};
      argv.insert(argv.end(), store_args.begin(), store_args.end());
      argv.insert(argv.end(), args.begin(), args.end());
      return run_command(argv, cli_log);
    };
    if (cli({"tenant", "create", "--name", "Reset load", "--domain", domain}).exit_code != 0) {
      return fail("sspr tenant create failed");
    }
    const auto created = cli({"token", "create", "--tenant", domain, "--name", "reset-load"});
    const auto token_json = nlohmann::json::parse(created.out, nullptr, false);
    if (created.exit_code != 0 || !token_json.is_object() || !token_json.contains("token")) {
      return fail("sspr token create failed");
    }
    token = token_json["token"].get<std::string>();
    for (std::size_t i = 0; i < options.nodes; ++i) {
      servers.push_back(std::make_unique<ServerProcess>());
      const std::string log =
          (work / (options.nodes == 1 ? std::string("server.log")
                                      : "server-" + std::to_string(i + 1) + ".log"))
              .string();
      auto listening = servers.back()->start(sspr, store_args, log);
      if (!listening) return fail("sspr serve did not start");
      addresses.push_back(*listening);
    }
  }
  std::vector<asio::ip::tcp::endpoint> endpoints;
  for (const auto& address : addresses) {
    const auto endpoint = parse_endpoint(address);
    if (!endpoint) return fail("cannot read the server address " + address);
    endpoints.push_back(*endpoint);
  }
  const auto endpoint = &endpoints.front();  // seeding goes to the first node
  std::string node_list;
  for (std::size_t i = 0; i < addresses.size(); ++i) {
    node_list += (i ? ", " : "") + addresses[i];
    if (i < servers.size()) node_list += " (pid " + std::to_string(servers[i]->pid()) + ")";
  }

  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  std::printf("== Reset load: %zu node%s: %s (%s), %u cores, %zu users, CAPTCHA difficulty %s\n",
              addresses.size(), addresses.size() == 1 ? "" : "s", node_list.c_str(),
              options.db.empty() ? "SQLite" : options.db.substr(0, options.db.find(':')).c_str(),
              cores, options.users,
              given_server ? "as configured" : std::to_string(options.difficulty).c_str());
  std::fflush(stdout);

  const auto users = make_bench_users(domain, options.users);
  {
    const auto seeding_started = Clock::now();
    asio::io_context io(1);
    std::optional<std::string> seeded = "not run";
    asio::co_spawn(io, seed_tenant(*endpoint, token, users, 16),
                   [&](std::exception_ptr error, std::optional<std::string> result) {
                     seeded = error ? std::optional<std::string>("seeding threw") : result;
                   });
    io.run();
    if (seeded) return fail("seeding: " + *seeded);
    std::printf("Seeded %zu users (policy: everyone, 2 gates: email + mobile_phone) in %.1f s\n",
                users.size(),
                std::chrono::duration<double>(Clock::now() - seeding_started).count());
    std::fflush(stdout);
  }

  const auto ceiling_time =
      std::chrono::milliseconds(static_cast<long long>(options.ceiling_seconds * 1000));
  // The password-hashing processes of the ceiling are this sspr binary's, as the server's are.
  const std::string sspr_binary = options.sspr.empty() ? self_directory() + "/sspr" : options.sspr;
  const auto before = measure_argon2_ceiling(argon2, cores, ceiling_time, sspr_binary);
  OutboxCodes outbox(outbox_path);
  UserPool pool(users, kMaxFlowsPerUser);
  std::vector<pid_t> server_pids;
  for (const auto& server : servers) server_pids.push_back(server->pid());
  std::optional<PhaseResult> full;
  std::optional<PhaseResult> gate;
  if (resets) {
    full = run_phase("resets", endpoints, outbox, pool, options.clients, options.duration,
                     options.warmup, true, server_pids);
  }
  if (gates) {
    // A line to start a profiler by (bench/scale_out.py attaches perf to these pids).
    std::string pids;
    for (const pid_t pid : server_pids) pids += (pids.empty() ? "" : ",") + std::to_string(pid);
    std::printf("Gate phase starting (server pids: %s)\n", pids.empty() ? "-" : pids.c_str());
    std::fflush(stdout);
    gate = run_phase("gates", endpoints, outbox, pool, options.gate_clients, options.gate_duration,
                     options.warmup, false, server_pids);
    std::printf("Gate phase ended\n");
    std::fflush(stdout);
  }
  const auto after = measure_argon2_ceiling(argon2, cores, ceiling_time, sspr_binary);
  // The higher of the two is the stricter reference.
  const double ceiling = std::max(before.hashes_per_second(), after.hashes_per_second());

  std::printf(
      "\nArgon2id ceiling: %.1f hashes/s (%u at once, m = %zu KiB, t = %llu, libsodium "
      "crypto_pwhash_str; the highest of: in threads %.1f before the load, %.1f after; in "
      "processes %.1f before, %.1f after)\n",
      ceiling, cores, argon2.memory_kib, argon2.iterations, before.in_threads.hashes_per_second,
      after.in_threads.hashes_per_second, before.in_processes.hashes_per_second,
      after.in_processes.hashes_per_second);
  if (!before.processes_error.empty()) {
    std::printf("  (hashing processes not measured: %s)\n", before.processes_error.c_str());
  }
  std::printf("Hashes per reset: %d (the new password; CAPTCHA = HMAC, codes = keyed BLAKE2b)\n",
              kHashesPerReset);
  nlohmann::json report = {
      {"cores", cores},
      {"nodes", addresses},
      {"backend",
       options.db.empty() ? std::string("sqlite") : options.db.substr(0, options.db.find(':'))},
      {"users", options.users},
      {"argon2_ceiling_hashes_per_second", ceiling},
      {"argon2_ceiling_before", before.hashes_per_second()},
      {"argon2_ceiling_after", after.hashes_per_second()},
      {"argon2_ceiling_threads_before", before.in_threads.hashes_per_second},
      {"argon2_ceiling_threads_after", after.in_threads.hashes_per_second},
      {"argon2_ceiling_processes_before", before.in_processes.hashes_per_second},
      {"argon2_ceiling_processes_after", after.in_processes.hashes_per_second},
      {"argon2_memory_kib", argon2.memory_kib},
      {"argon2_iterations", argon2.iterations},
      {"hashes_per_reset", kHashesPerReset}};
  std::uint64_t errors = 0;
  const std::vector<std::string> all_steps{kCaptchaStep, kStartStep, kChallengeStep, kVerifyStep,
                                           kPasswordStep};
  // A phase whose users ran out before its warm-up ended has no window to give rates over.
  auto empty_window = [&](const PhaseResult& phase, const char* title) {
    if (phase.stats.window_seconds() > 0) return false;
    std::printf(
        "\n%s: every user had had %zu flows after %.1f s, before the %.0f s warm-up ended: "
        "no figures; raise --users to about %zu\n",
        title, kMaxFlowsPerUser, phase.seconds, options.warmup, users_for_whole_phase(phase));
    ++errors;
    return true;
  };
  if (full && empty_window(*full, "Complete resets")) full.reset();
  if (gate && empty_window(*gate, "Non-hashing steps")) gate.reset();
  if (full) {
    const double window = full->stats.window_seconds();
    const double per_second = static_cast<double>(full->stats.flows_in_window()) / window;
    const double reachable = ceiling / kHashesPerReset;
    const auto flows = full->stats.flows_in_window();
    std::printf(
        "\nComplete resets: %zu clients, %.0f s (rates over the last %.0f s): "
        "%.1f resets/s = %.1f %% of ceiling / hashes per reset (target >= 85 %%)\n",
        full->clients, full->seconds, window, per_second, 100 * per_second / reachable);
    if (flows > 0 && full->server_cpu >= 0) {
      // Independent of how much of the machine other work took: what share of the server's
      // CPU time per reset is the one Argon2id hash.
      const double cpu_per_reset =
          1000 * full->server_cpu / static_cast<double>(full->flows_completed);
      const double hash_ms = (before.cpu_ms_per_hash() + after.cpu_ms_per_hash()) / 2;
      std::printf(
          "  server CPU per completed reset: %.1f ms, of which Argon2id %.1f ms "
          "(%.0f %%)\n",
          cpu_per_reset, kHashesPerReset * hash_ms,
          100 * kHashesPerReset * hash_ms / cpu_per_reset);
      report["resets"]["server_cpu_ms_per_reset"] = cpu_per_reset;
      report["argon2_cpu_ms_per_hash"] = hash_ms;
    }
    print_steps(*full, all_steps);
    report["resets"].update(phase_json(*full, all_steps));
    report["resets"]["resets_per_second"] = per_second;
    report["resets"]["ratio_to_ceiling"] = per_second / reachable;
    errors += full->stats.total_errors();
  }
  if (gate) {
    const auto combined = gate->stats.combined("", {kStartStep, kChallengeStep, kVerifyStep});
    std::printf(
        "\nNon-hashing steps: %zu clients, %.0f s (rates over the last %.0f s): "
        "start+challenge+verify %.0f requests/s, p99 %.2f ms (target >= 5,000/s, p99 "
        "<= 20 ms); %.1f two-gate flows/s\n",
        gate->clients, gate->seconds, gate->stats.window_seconds(), combined.per_second,
        combined.p99_ms,
        static_cast<double>(gate->stats.flows_in_window()) / gate->stats.window_seconds());
    const double all_per_second =
        combined.per_second + gate->stats.summary(kCaptchaStep).per_second;
    if (gate->server_cpu >= 0 && all_per_second > 0) {
      const double cpu_per_request = 1000 * gate->server_cpu / gate->seconds / all_per_second;
      std::printf(
          "  server CPU per request (captcha included): %.2f ms, so %.0f requests/s "
          "would take all %u cores\n",
          cpu_per_request, 1000 * cores / cpu_per_request, cores);
      report["gates_server_cpu_ms_per_request"] = cpu_per_request;
    }
    print_steps(*gate, {kCaptchaStep, kStartStep, kChallengeStep, kVerifyStep});
    report["gates"].update(
        phase_json(*gate, {kCaptchaStep, kStartStep, kChallengeStep, kVerifyStep}));
    errors += gate->stats.total_errors();
  }
  report["errors"] = errors;
  std::fflush(stdout);

  int server_status = 0;
  for (auto& server : servers) {
    if (const int status = server->stop(); status != 0) server_status = status;
  }
  if (server_status != 0) {
    std::printf("warning: sspr serve exited with status %d\n", server_status);
  }
  if (!options.json_out.empty()) std::ofstream(options.json_out) << report.dump(2) << "\n";
  if (!options.keep && errors == 0 && server_status == 0) {
    std::error_code ignored;
    std::filesystem::remove_all(work, ignored);
  } else {
    std::printf("work directory kept: %s\n", work.c_str());
  }
  return errors == 0 ? 0 : 1;
}

}  // namespace
}  // namespace sspr::bench

int main(int argc, char** argv) {
  sspr::bench::Options options;
  CLI::App app{
      "Reset-flow load generator: complete resets and the non-hashing steps against a "
      "real `sspr serve`, with the machine's Argon2id ceiling (docs/PERFORMANCE.md)"};
  app.add_option("--sspr", options.sspr, "the sspr binary (default: next to this one)");
  app.add_option("--data", options.data, "SQLite data directory (default: a fresh temporary one)");
  app.add_option("--db", options.db, "database URL instead, e.g. postgresql://... (fresh db)");
  app.add_option("--config", options.config, "config file for the server (and Argon2 parameters)");
  app.add_option("--url,--urls", options.urls,
                 "use these running servers (http://HOST:PORT; repeat or separate by commas), "
                 "each request to the next in turn")
      ->delimiter(',');
  app.add_option("--nodes", options.nodes,
                 "start this many `sspr serve` nodes on the one store; each client sends each "
                 "request to the next node in turn");
  app.add_option("--token", options.token, "with --url: a global administrator's API token");
  app.add_option("--domain", options.domain, "with --url: the token's tenant domain");
  app.add_option("--outbox", options.outbox, "with --url: the server's file outbox");
  app.add_option("--mode", options.mode, "all | resets | gates")
      ->check(CLI::IsMember({"all", "resets", "gates"}));
  app.add_option("--users", options.users, "users to seed");
  app.add_option("--clients", options.clients, "concurrent clients doing complete resets");
  app.add_option("--duration", options.duration, "seconds of complete resets");
  app.add_option("--gate-clients", options.gate_clients,
                 "concurrent clients doing the non-hashing steps");
  app.add_option("--gate-duration", options.gate_duration, "seconds of non-hashing steps");
  app.add_option("--warmup", options.warmup, "seconds at the start of each phase not counted");
  app.add_option("--ceiling-seconds", options.ceiling_seconds,
                 "seconds of each Argon2id ceiling measurement");
  app.add_option("--captcha-difficulty", options.difficulty, "the server's CAPTCHA maxnumber");
  app.add_option("--json-out", options.json_out, "also write the figures as JSON to this file");
  app.add_flag("--keep", options.keep, "keep the work directory (data, outbox, logs)");
  CLI11_PARSE(app, argc, argv);
  // Only the phases that run (--mode) must outlast the warm-up.
  if ((options.mode != "gates" && options.warmup >= options.duration) ||
      (options.mode != "resets" && options.warmup >= options.gate_duration)) {
    std::cerr << "--warmup must be shorter than each phase that runs\n";
    return 2;
  }
  return sspr::bench::run(options);
}
