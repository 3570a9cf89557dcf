#include "observability/metrics.h"

#include <gtest/gtest.h>

namespace sspr::observability {
namespace {

using std::chrono::milliseconds;

bool has_line(const std::string& text, const std::string& line) {
  return text.find("\n" + line + "\n") != std::string::npos || text.rfind(line + "\n", 0) == 0;
}

TEST(Metrics, CountsRequestsByFamilyAndStatus) {
  Metrics metrics;
  metrics.record_request("reset", 201, milliseconds(3));
  metrics.record_request("reset", 201, milliseconds(4));
  metrics.record_request("reset", 429, milliseconds(1));
  const auto text = metrics.render({});
  EXPECT_TRUE(has_line(text, "sspr_http_requests_total{family=\"reset\",status=\"201\"} 2"))
      << text;
  EXPECT_TRUE(has_line(text, "sspr_http_requests_total{family=\"reset\",status=\"429\"} 1"))
      << text;
  EXPECT_TRUE(has_line(text, "# TYPE sspr_http_requests_total counter")) << text;
}

TEST(Metrics, LatencyHistogramIsCumulativeWithInfAndCount) {
  Metrics metrics;
  metrics.record_request("users", 200, milliseconds(2));      // <= 0.0025
  metrics.record_request("users", 200, milliseconds(40));     // <= 0.05
  metrics.record_request("users", 200, milliseconds(20000));  // only +Inf
  const auto text = metrics.render({});
  EXPECT_TRUE(
      has_line(text, "sspr_http_request_duration_seconds_bucket{family=\"users\",le=\"0.001\"} 0"))
      << text;
  EXPECT_TRUE(
      has_line(text, "sspr_http_request_duration_seconds_bucket{family=\"users\",le=\"0.0025\"} 1"))
      << text;
  EXPECT_TRUE(
      has_line(text, "sspr_http_request_duration_seconds_bucket{family=\"users\",le=\"0.05\"} 2"))
      << text;
  EXPECT_TRUE(
      has_line(text, "sspr_http_request_duration_seconds_bucket{family=\"users\",le=\"10\"} 2"))
      << text;
  EXPECT_TRUE(
      has_line(text, "sspr_http_request_duration_seconds_bucket{family=\"users\",le=\"+Inf\"} 3"))
      << text;
  EXPECT_TRUE(has_line(text, "sspr_http_request_duration_seconds_count{family=\"users\"} 3"))
      << text;
}

TEST(Metrics, OutcomesErrorsAndGauges) {
  Metrics metrics;
  metrics.record_reset("success");
  metrics.record_reset("PasswordPolicyViolation");
  metrics.record_reset("success");
  metrics.record_throttle_block("reset");
  metrics.record_notifier_error("sms");
  metrics.record_directory_error("OnPremisesConnectivityError");
  const auto text = metrics.render({3, 8, 5});
  EXPECT_TRUE(has_line(text, "sspr_resets_total{outcome=\"success\"} 2")) << text;
  EXPECT_TRUE(has_line(text, "sspr_resets_total{outcome=\"PasswordPolicyViolation\"} 1"));
  EXPECT_TRUE(has_line(text, "sspr_throttle_blocks_total{family=\"reset\"} 1"));
  EXPECT_TRUE(has_line(text, "sspr_notifier_errors_total{channel=\"sms\"} 1"));
  EXPECT_TRUE(
      has_line(text, "sspr_directory_errors_total{error=\"OnPremisesConnectivityError\"} 1"));
  EXPECT_TRUE(has_line(text, "sspr_store_pool_sessions{state=\"in_use\"} 3"));
  EXPECT_TRUE(has_line(text, "sspr_store_pool_sessions{state=\"size\"} 8"));
  EXPECT_TRUE(has_line(text, "sspr_in_flight_requests 5"));
}

TEST(Metrics, PasswordHashQueueShownOnlyWithItsSlots) {
  Metrics metrics;
  EXPECT_EQ(metrics.render({}).find("sspr_password_hash"), std::string::npos);
  Metrics::Gauges gauges;
  gauges.hash_slots = 2;
  gauges.hashes_running = 2;
  gauges.hashes_waiting = 7;
  gauges.hashes_total = 41;
  gauges.hash_wait_seconds = 1.5;
  const auto text = metrics.render(gauges);
  EXPECT_TRUE(has_line(text, "sspr_password_hash_slots 2")) << text;
  EXPECT_TRUE(has_line(text, "sspr_password_hashes{state=\"running\"} 2"));
  EXPECT_TRUE(has_line(text, "sspr_password_hashes{state=\"waiting\"} 7"));
  EXPECT_TRUE(has_line(text, "sspr_password_hashes_total 41"));
  EXPECT_TRUE(has_line(text, "sspr_password_hash_wait_seconds_total 1.5"));
  EXPECT_TRUE(has_line(text, "# TYPE sspr_password_hashes_total counter"));
}

TEST(Metrics, HashProcessRestartsShownOnlyWhenHashesRunInProcesses) {
  Metrics metrics;
  Metrics::Gauges gauges;
  gauges.hash_slots = 2;
  EXPECT_EQ(metrics.render(gauges).find("sspr_password_hash_process"), std::string::npos);
  gauges.hash_processes = true;
  gauges.hash_process_restarts = 3;
  const auto text = metrics.render(gauges);
  EXPECT_TRUE(has_line(text, "sspr_password_hash_process_restarts_total 3")) << text;
  EXPECT_TRUE(has_line(text, "# TYPE sspr_password_hash_process_restarts_total counter"));
}

TEST(Metrics, SqliteWriterShownOnlyForSqlite) {
  Metrics metrics;
  EXPECT_EQ(metrics.render({}).find("sspr_store_wal"), std::string::npos);
  EXPECT_EQ(metrics.render({}).find("sspr_store_write_batches"), std::string::npos);
  Metrics::Gauges gauges;
  gauges.sqlite_writer = true;
  gauges.queued_writes = 3;
  gauges.wal_frames = 1200;
  gauges.wal_checkpoint_rounds = 9;
  gauges.wal_restarts = 2;
  gauges.wal_checkpoints_busy = 1;
  gauges.write_batches = 40;
  gauges.batched_writes = 250;
  const auto text = metrics.render(gauges);
  EXPECT_TRUE(has_line(text, "sspr_store_queued_writes 3")) << text;
  EXPECT_TRUE(has_line(text, "sspr_store_write_batches_total 40"));
  EXPECT_TRUE(has_line(text, "# TYPE sspr_store_write_batches_total counter"));
  EXPECT_TRUE(has_line(text, "sspr_store_batched_writes_total 250"));
  EXPECT_TRUE(has_line(text, "# TYPE sspr_store_batched_writes_total counter"));
  EXPECT_TRUE(has_line(text, "sspr_store_wal_frames 1200"));
  EXPECT_TRUE(has_line(text, "sspr_store_wal_checkpoint_rounds_total 9"));
  EXPECT_TRUE(has_line(text, "sspr_store_wal_restarts_total 2"));
  EXPECT_TRUE(has_line(text, "sspr_store_wal_checkpoint_errors_total{kind=\"busy\"} 1"));
  EXPECT_TRUE(has_line(text, "sspr_store_wal_checkpoint_errors_total{kind=\"failed\"} 0"));
}

TEST(Metrics, EscapesLabelValues) {
  Metrics metrics;
  metrics.record_reset("a\"b\\c");
  EXPECT_TRUE(has_line(metrics.render({}), "sspr_resets_total{outcome=\"a\\\"b\\\\c\"} 1"));
}

}  // namespace
}  // namespace sspr::observability
