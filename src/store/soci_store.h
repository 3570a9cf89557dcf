#pragma once
// The Store over SOCI, for SQLite and PostgreSQL. A fixed pool of sessions, opened up front;
// each transact() leases one, runs the work in a transaction and gives it back.
//
// SQLite sessions run in WAL mode with foreign keys on and a busy timeout, so concurrent
// writers wait instead of failing. Within one process SQLite transactions also take a mutex
// first: SQLite allows one writer at a time anyway, and its busy handler waits by sleeping
// (up to 100 ms a round), which under load cost far more than the work (docs/PERFORMANCE.md
// "Reset flow under load"); the busy timeout is left for other processes (the CLI next to a
// server). Reads (read()) take neither: SQLite in WAL mode lets readers run beside the one
// writer, each on its own snapshot. PostgreSQL sessions that lost their connection are reconnected
// on the next lease.

#include "store/soci_headers.h"

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>

#include "domain/result.h"
#include "store/sql_backend.h"
#include "store/store.h"

namespace sspr::store {

class SociStore final : public Store {
 public:
  // Opens `pool_size` sessions (at least one) and migrates the schema. `connect_string` is a
  // file path for SQLite and a libpq URL or conninfo for PostgreSQL. Errors: StoreUnavailable
  // (the message never repeats the connect string, which may hold a password).
  static domain::Result<std::unique_ptr<SociStore>> open(SqlBackend backend,
                                                         const std::string& connect_string,
                                                         std::size_t pool_size);

  ~SociStore() override;  // finalises the cached statements before the sessions close
  domain::Status transact(const std::function<domain::Status(StoreTransaction&)>& work) override;
  domain::Status read(const std::function<domain::Status(StoreTransaction&)>& work) override;
  bool ping() override;
  std::string backend() const override { return std::string(to_string(backend_)); }
  PoolUsage pool_usage() const override;

 private:
  SociStore(SqlBackend backend, std::size_t pool_size);
  domain::Status run(soci::connection_pool& pool, bool read_only,
                     const std::function<domain::Status(StoreTransaction&)>& work);

  SqlBackend backend_;
  soci::connection_pool pool_;
  std::size_t pool_size_;
  std::atomic<std::size_t> leased_{0};  // sessions of both pools leased right now
  std::mutex sqlite_writer_;            // SQLite: held from BEGIN IMMEDIATE to COMMIT or ROLLBACK
  // SQLite: sessions for read(), opened with PRAGMA query_only (so a write fails), the same
  // number as pool_. PostgreSQL reads use pool_ with a READ ONLY transaction.
  std::unique_ptr<soci::connection_pool> readers_;
};

}  // namespace sspr::store
