#pragma once
// The Store over SOCI, for SQLite and PostgreSQL. A fixed pool of sessions, opened up front;
// each transact() leases one, runs the work in a transaction and gives it back.
//
// SQLite sessions run in WAL mode with foreign keys on and a busy timeout, so concurrent
// writers wait instead of failing. Within one process SQLite write transactions are group
// committed (store/group_commit_queue.h): SQLite allows one writer at a time anyway, so the
// works that arrive while one transaction runs queue up, and the next leader runs up to
// kGroupCommitMaxWorks of them in one BEGIN IMMEDIATE .. COMMIT, each inside its own
// SAVEPOINT (released on success; on a failed Status or an exception rolled back to and
// released, so one work's failure never touches another's writes). Every caller learns its
// own Status only after the COMMIT; a failed COMMIT fails all of them. A batch stops taking
// works once it has run for kGroupCommitMaxMs, so a slow work (an on-premises sync) does not
// hold many others. The busy timeout is left for other processes (the CLI next to a server).
// Reads (read()) do not queue: SQLite in WAL mode lets readers run beside the one writer,
// each on its own snapshot. PostgreSQL keeps one transaction per transact() (its writers run
// concurrently); called from a fiber (platform/fiber.h), a PostgreSQL transaction runs on a
// thread for blocking work while the fiber parks. PostgreSQL sessions that lost their
// connection are reconnected on the next lease.

#include "store/soci_headers.h"

#include <atomic>
#include <chrono>
#include <memory>
#include <span>
#include <string>

#include "domain/result.h"
#include "store/group_commit_queue.h"
#include "store/sql_backend.h"
#include "store/store.h"
#include "store/wal_checkpointer.h"

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
  std::optional<WriterUsage> writer_usage() const override;
  void gather_writes_while(std::function<bool()> worth_waiting,
                           std::chrono::milliseconds up_to) override {
    sqlite_writes_.gather_while(std::move(worth_waiting), up_to);
  }
  // SQLite group commit, for tests and diagnostics (0 on PostgreSQL): the write transactions
  // queued or running now, and the most works one batch was given so far.
  std::size_t queued_writes() const { return sqlite_writes_.queued(); }
  std::size_t largest_write_batch() const { return sqlite_writes_.largest_batch(); }
  // SQLite: what the write-ahead log's checkpointer did so far (all zero on PostgreSQL).
  WalCheckpointer::Stats wal_checkpoints() const {
    return checkpointer_ ? checkpointer_->stats() : WalCheckpointer::Stats{};
  }

 private:
  SociStore(SqlBackend backend, std::size_t pool_size);
  domain::Status run(soci::connection_pool& pool, bool read_only,
                     const std::function<domain::Status(StoreTransaction&)>& work);
  // SQLite: runs a batch of the group commit in one transaction (see above); returns how many
  // works it finished.
  std::size_t commit_batch(std::span<GroupCommitQueue::Entry* const> batch);

  SqlBackend backend_;
  soci::connection_pool pool_;
  std::size_t pool_size_;
  std::atomic<std::size_t> leased_{0};  // sessions of both pools leased right now
  GroupCommitQueue sqlite_writes_;      // SQLite: the write transactions waiting for a batch
  // SQLite: sessions for read(), opened with PRAGMA query_only (so a write fails), the same
  // number as pool_. PostgreSQL reads use pool_ with a READ ONLY transaction.
  std::unique_ptr<soci::connection_pool> readers_;
  // SQLite: copies the write-ahead log into the database file beside the writers and has it
  // started over between two batches (store/wal_checkpointer.h).
  std::unique_ptr<WalCheckpointer> checkpointer_;
};

}  // namespace sspr::store
