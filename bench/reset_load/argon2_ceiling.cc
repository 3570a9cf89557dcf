#include "argon2_ceiling.h"

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
  std::atomic<bool> stop{false};
  const auto started = std::chrono::steady_clock::now();
  std::vector<std::thread> workers;
  workers.reserve(threads);
  for (std::size_t t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      std::uint64_t n = 0;
      while (!stop.load(std::memory_order_relaxed)) {
        const std::string hash =
            hasher.hash("Ceiling-" + std::to_string(t) + "-" + std::to_string(n++));
        if (hash.empty()) return;
        hashes.fetch_add(1, std::memory_order_relaxed);
      }
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
  return out;
}

}  // namespace sspr::bench
