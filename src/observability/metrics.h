#pragma once
// The server's Prometheus metrics (text exposition format 0.0.4): a small registry of
// counters and one latency histogram with fixed buckets, safe to update from any thread.
// One registry per server process, created by whoever assembles the server and handed to the
// parts that count (no process-wide instance). Label values come from small fixed sets chosen
// by the callers (route families, status codes, error names), never from user input.
//
// Names (docs/OPERATIONS.md "Monitor"):
//   sspr_http_requests_total{family,status}        counter
//   sspr_http_request_duration_seconds{family}     histogram
//   sspr_resets_total{outcome}                     counter: "success" or the error name
//   sspr_throttle_blocks_total{family}             counter: requests refused ThrottledBlocked
//   sspr_notifier_errors_total{channel}            counter: messages that could not be sent
//   sspr_directory_errors_total{error}             counter: on-premises directory refusals
//   sspr_store_pool_sessions{state}                gauge: "in_use" and "size"
//   sspr_in_flight_requests                        gauge
//   sspr_password_hash_slots                       gauge: security.max_concurrent_hashes
//   sspr_password_hashes{state}                    gauge: "running" and "waiting" (for a slot)
//   sspr_password_hashes_total                     counter: hashes and verifications asked for
//   sspr_password_hash_wait_seconds_total          counter: their time waiting for a slot
//   sspr_password_hash_process_restarts_total      counter: hashing processes started again
//   sspr_store_queued_writes                       gauge: SQLite's group commit
//   sspr_store_write_batches_total                 counter: its batches (one COMMIT each)
//   sspr_store_batched_writes_total                counter: the write transactions in them
//   sspr_store_wal_frames                          gauge: SQLite's write-ahead log, in pages
//   sspr_store_wal_checkpoint_rounds_total         counter: SQLite's log checkpointer
//   sspr_store_wal_restarts_total                  counter: times the log started over
//   sspr_store_wal_checkpoint_errors_total{kind}   counter: "busy" or "failed" (retried)

#include <array>
#include <chrono>
#include <cstddef>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace sspr::observability {

class Metrics {
 public:
  // Upper bounds of the latency buckets, in seconds (+Inf is implied).
  static constexpr std::array<double, 12> kLatencyBuckets{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                          0.1,   0.25,   0.5,   1.0,  2.5,   10.0};

  void record_request(const std::string& family, int status, std::chrono::nanoseconds duration);
  void record_reset(const std::string& outcome);
  void record_throttle_block(const std::string& family);
  void record_notifier_error(const std::string& channel);
  void record_directory_error(const std::string& error);

  struct Gauges {
    std::size_t store_sessions_in_use = 0;
    std::size_t store_sessions = 0;
    long in_flight_requests = 0;
    // Argon2id hashes (ConcurrencyLimitedPasswordHasher::Usage); not shown when slots is 0.
    std::size_t hash_slots = 0;
    std::size_t hashes_running = 0;
    std::size_t hashes_waiting = 0;
    unsigned long long hashes_total = 0;
    double hash_wait_seconds = 0;
    // The hashing processes (PasswordHashProcesses); not shown when hashes run in threads.
    bool hash_processes = false;
    unsigned long long hash_process_restarts = 0;
    // SQLite's writer (Store::WriterUsage); not shown when sqlite_writer is false.
    bool sqlite_writer = false;
    std::size_t queued_writes = 0;
    long wal_frames = 0;
    unsigned long long wal_checkpoint_rounds = 0;
    unsigned long long wal_restarts = 0;
    unsigned long long wal_checkpoints_busy = 0;
    unsigned long long wal_checkpoints_failed = 0;
    unsigned long long write_batches = 0;
    unsigned long long batched_writes = 0;
  };
  // The whole registry in the text exposition format, with the gauges read by the caller.
  std::string render(const Gauges& gauges) const;

 private:
  struct Histogram {
    std::array<unsigned long long, kLatencyBuckets.size()> buckets{};  // non-cumulative
    unsigned long long count = 0;
    double sum = 0;
  };

  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, unsigned long long> requests_;
  std::map<std::string, Histogram> latency_;
  std::map<std::string, unsigned long long> resets_;
  std::map<std::string, unsigned long long> throttle_blocks_;
  std::map<std::string, unsigned long long> notifier_errors_;
  std::map<std::string, unsigned long long> directory_errors_;
};

}  // namespace sspr::observability
