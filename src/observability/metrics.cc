#include "observability/metrics.h"

#include <initializer_list>
#include <sstream>

namespace sspr::observability {
namespace {

// Label values are escaped as the format asks (backslash, quote, newline).
std::string escaped(const std::string& value) {
  std::string out;
  for (const char c : value) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

void header(std::ostringstream& out, const char* name, const char* type, const char* help) {
  out << "# HELP " << name << ' ' << help << "\n# TYPE " << name << ' ' << type << '\n';
}

// A metric with one value.
template <typename Value>
void single(std::ostringstream& out, const char* name, const char* type, const char* help,
            Value value) {
  header(out, name, type, help);
  out << name << ' ' << value << '\n';
}

// A metric with one value per value of `label`, in the order given.
void labelled(std::ostringstream& out, const char* name, const char* type, const char* help,
              const char* label,
              std::initializer_list<std::pair<const char*, unsigned long long>> values) {
  header(out, name, type, help);
  for (const auto& [key, value] : values) {
    out << name << '{' << label << "=\"" << key << "\"} " << value << '\n';
  }
}

void counter(std::ostringstream& out, const char* name, const char* label, const char* help,
             const std::map<std::string, unsigned long long>& values) {
  header(out, name, "counter", help);
  for (const auto& [value, count] : values) {
    out << name << '{' << label << "=\"" << escaped(value) << "\"} " << count << '\n';
  }
}

}  // namespace

void Metrics::record_request(const std::string& family, int status,
                             std::chrono::nanoseconds duration) {
  const double seconds = std::chrono::duration<double>(duration).count();
  std::lock_guard lock(mutex_);
  ++requests_[{family, status}];
  auto& histogram = latency_[family];
  ++histogram.count;
  histogram.sum += seconds;
  for (std::size_t i = 0; i < kLatencyBuckets.size(); ++i) {
    if (seconds <= kLatencyBuckets[i]) {
      ++histogram.buckets[i];
      break;
    }
  }
}

void Metrics::record_reset(const std::string& outcome) {
  std::lock_guard lock(mutex_);
  ++resets_[outcome];
}

void Metrics::record_throttle_block(const std::string& family) {
  std::lock_guard lock(mutex_);
  ++throttle_blocks_[family];
}

void Metrics::record_notifier_error(const std::string& channel) {
  std::lock_guard lock(mutex_);
  ++notifier_errors_[channel];
}

void Metrics::record_directory_error(const std::string& error) {
  std::lock_guard lock(mutex_);
  ++directory_errors_[error];
}

std::string Metrics::render(const Gauges& gauges) const {
  std::ostringstream out;
  out.precision(9);
  std::lock_guard lock(mutex_);
  header(out, "sspr_http_requests_total", "counter",
         "HTTP requests answered, by route family and status.");
  for (const auto& [key, count] : requests_) {
    out << "sspr_http_requests_total{family=\"" << escaped(key.first) << "\",status=\""
        << key.second << "\"} " << count << '\n';
  }
  header(out, "sspr_http_request_duration_seconds", "histogram",
         "Time from reading a request to answering it, by route family.");
  for (const auto& [family, histogram] : latency_) {
    unsigned long long cumulative = 0;
    const std::string label = "family=\"" + escaped(family) + "\"";
    for (std::size_t i = 0; i < kLatencyBuckets.size(); ++i) {
      cumulative += histogram.buckets[i];
      out << "sspr_http_request_duration_seconds_bucket{" << label << ",le=\"" << kLatencyBuckets[i]
          << "\"} " << cumulative << '\n';
    }
    out << "sspr_http_request_duration_seconds_bucket{" << label << ",le=\"+Inf\"} "
        << histogram.count << '\n';
    out << "sspr_http_request_duration_seconds_sum{" << label << "} " << histogram.sum << '\n';
    out << "sspr_http_request_duration_seconds_count{" << label << "} " << histogram.count << '\n';
  }
  counter(out, "sspr_resets_total", "outcome",
          "Attempts to finish a self-service reset or unlock, by outcome (success or the error).",
          resets_);
  counter(out, "sspr_throttle_blocks_total", "family",
          "Requests refused because the account or address is blocked (SPEC 7).", throttle_blocks_);
  counter(out, "sspr_notifier_errors_total", "channel",
          "Messages (codes, notices) that could not be delivered, by channel.", notifier_errors_);
  counter(out, "sspr_directory_errors_total", "error",
          "On-premises directory refusals and outages seen by users, by error.", directory_errors_);
  labelled(out, "sspr_store_pool_sessions", "gauge", "Database sessions of this node.", "state",
           {{"in_use", gauges.store_sessions_in_use}, {"size", gauges.store_sessions}});
  single(out, "sspr_in_flight_requests", "gauge", "Requests accepted and not yet answered.",
         gauges.in_flight_requests);
  if (gauges.hash_slots > 0) {
    single(out, "sspr_password_hash_slots", "gauge",
           "Argon2id hashes allowed at once (security.max_concurrent_hashes).", gauges.hash_slots);
    labelled(out, "sspr_password_hashes", "gauge",
             "Argon2id hashes and verifications running now, and waiting for a slot.", "state",
             {{"running", gauges.hashes_running}, {"waiting", gauges.hashes_waiting}});
    single(out, "sspr_password_hashes_total", "counter",
           "Argon2id hashes and verifications asked for since the start.", gauges.hashes_total);
    single(out, "sspr_password_hash_wait_seconds_total", "counter",
           "Time Argon2id hashes and verifications spent waiting for a slot.",
           gauges.hash_wait_seconds);
  }
  if (gauges.hash_processes) {
    single(out, "sspr_password_hash_process_restarts_total", "counter",
           "Password-hashing processes that failed (exited, killed, hung) and were started again.",
           gauges.hash_process_restarts);
  }
  if (gauges.sqlite_writer) {
    single(out, "sspr_store_queued_writes", "gauge",
           "SQLite write transactions queued or running in the group commit.",
           gauges.queued_writes);
    single(out, "sspr_store_write_batches_total", "counter",
           "SQLite group commits run (one COMMIT each), committed or failed.",
           gauges.write_batches);
    single(out, "sspr_store_batched_writes_total", "counter",
           "Write transactions those group commits finished; divided by the batches, the mean "
           "batch.",
           gauges.batched_writes);
    single(out, "sspr_store_wal_frames", "gauge",
           "Pages in SQLite's write-ahead log after the latest commit.", gauges.wal_frames);
    single(out, "sspr_store_wal_checkpoint_rounds_total", "counter",
           "Rounds of SQLite's write-ahead log checkpointer.", gauges.wal_checkpoint_rounds);
    single(out, "sspr_store_wal_restarts_total", "counter",
           "Times SQLite's write-ahead log was fully copied and started over.",
           gauges.wal_restarts);
    labelled(out, "sspr_store_wal_checkpoint_errors_total", "counter",
             "Log checkpoints that found the log busy or failed; both are retried next round.",
             "kind",
             {{"busy", gauges.wal_checkpoints_busy}, {"failed", gauges.wal_checkpoints_failed}});
  }
  return out.str();
}

}  // namespace sspr::observability
