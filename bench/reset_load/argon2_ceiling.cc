#include "argon2_ceiling.h"

#include <time.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

namespace sspr::bench {

Argon2Ceiling measure_argon2_ceiling(const platform::Argon2idParameters& parameters,
                                     std::size_t threads, std::chrono::milliseconds duration) {
  if (threads == 0) threads = 1;
  const platform::Argon2idPasswordHasher hasher(parameters);
  std::atomic<std::uint64_t> hashes{0};
  std::atomic<std::uint64_t> cpu_ns{0};
  std::atomic<bool> stop{false};
  const auto started = std::chrono::steady_clock::now();
  std::vector<std::thread> workers;
  workers.reserve(threads);
  for (std::size_t t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      auto thread_cpu_ns = [] {
        timespec now{};
        ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
        return static_cast<std::uint64_t>(now.tv_sec) * 1'000'000'000ull +
               static_cast<std::uint64_t>(now.tv_nsec);
      };
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
  for (auto& worker : workers) worker.join();
  // Every thread finishes the hash it had begun, so the count covers the time until the last.
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  Argon2Ceiling out;
  out.hashes = hashes.load();
  out.seconds = seconds;
  out.threads = threads;
  out.hashes_per_second = seconds > 0 ? static_cast<double>(out.hashes) / seconds : 0;
  out.cpu_ms_per_hash =
      out.hashes > 0 ? static_cast<double>(cpu_ns.load()) / 1e6 / static_cast<double>(out.hashes)
                     : 0;
  return out;
}

}  // namespace sspr::bench
