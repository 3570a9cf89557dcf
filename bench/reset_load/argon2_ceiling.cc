#include "argon2_ceiling.h"

#include <time.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "platform/password_hash_processes.h"
#include "process_cpu.h"

namespace sspr::bench {
namespace {

std::uint64_t thread_cpu_ns() {
  timespec now{};
  ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<std::uint64_t>(now.tv_sec) * 1'000'000'000ull +
         static_cast<std::uint64_t>(now.tv_nsec);
}

struct HashingRun {
  std::uint64_t hashes = 0;
  double seconds = 0;
  std::uint64_t calling_threads_cpu_ns = 0;
};

// `callers` threads call hasher.hash() in a loop for about `duration`.
HashingRun hash_in_a_loop(const domain::PasswordHasher& hasher, std::size_t callers,
                          std::chrono::milliseconds duration) {
  std::atomic<std::uint64_t> hashes{0};
  std::atomic<std::uint64_t> cpu_ns{0};
  std::atomic<bool> stop{false};
  const auto started = std::chrono::steady_clock::now();
  std::vector<std::thread> threads;
  threads.reserve(callers);
  for (std::size_t t = 0; t < callers; ++t) {
    threads.emplace_back([&, t] {
      const auto cpu_started = thread_cpu_ns();
      std::uint64_t n = 0;
      while (!stop.load(std::memory_order_relaxed)) {
        const std::string hash =
            hasher.hash("Ceiling-" + std::to_string(t) + "-" + std::to_string(n++));
        if (hash.empty()) break;
        hashes.fetch_add(1, std::memory_order_relaxed);
      }
      cpu_ns.fetch_add(thread_cpu_ns() - cpu_started);
    });
  }
  std::this_thread::sleep_for(duration);
  stop = true;
  for (auto& thread : threads) thread.join();
  // Every thread finishes the hash it had begun, so the count covers the time until the last.
  HashingRun run;
  run.hashes = hashes.load();
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  run.calling_threads_cpu_ns = cpu_ns.load();
  return run;
}

Argon2Throughput throughput(const HashingRun& run, double cpu_seconds) {
  Argon2Throughput out;
  out.hashes = run.hashes;
  out.seconds = run.seconds;
  out.hashes_per_second = run.seconds > 0 ? static_cast<double>(run.hashes) / run.seconds : 0;
  out.cpu_ms_per_hash = run.hashes > 0 ? 1000 * cpu_seconds / static_cast<double>(run.hashes) : 0;
  return out;
}

double processes_cpu_seconds(const std::vector<pid_t>& pids) {
  double total = 0;
  for (const pid_t pid : pids) total += std::max(process_cpu_seconds(pid), 0.0);
  return total;
}

}  // namespace

double Argon2Ceiling::hashes_per_second() const {
  return std::max(in_threads.hashes_per_second, in_processes.hashes_per_second);
}

double Argon2Ceiling::cpu_ms_per_hash() const {
  return in_processes.hashes_per_second > in_threads.hashes_per_second
             ? in_processes.cpu_ms_per_hash
             : in_threads.cpu_ms_per_hash;
}

Argon2Ceiling measure_argon2_ceiling(const platform::Argon2idParameters& parameters,
                                     std::size_t hashers, std::chrono::milliseconds duration,
                                     const std::string& sspr_binary) {
  if (hashers == 0) hashers = 1;
  Argon2Ceiling out;
  out.hashers = hashers;
  {
    const platform::Argon2idPasswordHasher hasher(parameters);
    const auto run = hash_in_a_loop(hasher, hashers, duration);
    out.in_threads = throughput(run, static_cast<double>(run.calling_threads_cpu_ns) / 1e9);
  }
  if (sspr_binary.empty()) {
    out.processes_error = "no sspr binary";
    return out;
  }
  auto started = platform::PasswordHashProcesses::start(sspr_binary, parameters, hashers);
  if (!started) {
    out.processes_error = started.error().technical;
    return out;
  }
  const auto& processes = **started;
  const auto pids = processes.pids();
  const double cpu_before = processes_cpu_seconds(pids);
  const auto run = hash_in_a_loop(processes, hashers, duration);
  out.in_processes = throughput(run, processes_cpu_seconds(pids) - cpu_before);
  return out;
}

}  // namespace sspr::bench
