#include "store/soci_store.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <chrono>
#include <exception>
#include <mutex>

#include "domain/error.h"
#include "platform/fiber.h"
#include "platform/system_clock.h"
#include "store/embedded_migrations.h"
#include "store/migration_runner.h"
#include "store/soci_store_transaction.h"
#include "store/sql_query.h"
#include "store/sql_transaction_text.h"
#include "store/sqlite_busy_retry.h"
#include "store/statement_cache.h"
#include "store/wal_checkpointer.h"

namespace sspr::store {

namespace errors = domain::errors;

namespace {

// How long a transaction waits for a free session before giving up (and SQLite for a lock:
// kSqliteLockPatience, store/sqlite_busy_retry.h).
constexpr int kLeaseTimeoutMs = 10'000;

// SQLite group commit (see the header): at most this many works per transaction, and no work
// is started in a batch that has already run this long (the first always runs).
constexpr std::size_t kGroupCommitMaxWorks = 32;
constexpr auto kGroupCommitMaxMs = std::chrono::milliseconds(5);

// How much a savepoint's journal (the pages' contents from before the savepoint, which the
// group commit's per-work savepoints write) may hold in memory before SQLite moves it to a
// temporary file. SQLite's default, 64 KiB, is less than what one batch of ordinary works
// writes, so every batch went to a file (a fifth of the writer's time; docs/PERFORMANCE.md).
constexpr int kSavepointJournalInMemoryBytes = 16 * 1024 * 1024;

// The write-ahead log (store/wal_checkpointer.h): copied into the database file, beside the
// writers, every kCheckpointFrames pages (SQLite's own default), started over once it holds
// kRestartFrames pages (16 MiB at SQLite's 4 KiB page), and its file cut back to
// kWalFileLimitBytes when it grew larger meanwhile.
constexpr int kCheckpointFrames = 1000;
constexpr int kRestartFrames = 4000;
constexpr int kWalFileLimitBytes = 32 * 1024 * 1024;

// SQLite's process-wide settings, once and before the first connection opens (sqlite3_config
// refuses them after that; it then answers SQLITE_MISUSE, and the defaults cost speed, not
// correctness):
// - no memory statistics: with them, every allocation and free of every connection takes one
//   process-wide mutex, and the group commit's writer sleeps on the readers' allocations;
// - savepoint journals in memory up to kSavepointJournalInMemoryBytes.
void configure_sqlite_library() {
  static std::once_flag once;
  std::call_once(once, [] {
    (void)sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    (void)sqlite_api::sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, kSavepointJournalInMemoryBytes);
  });
}

// Gives a leased session back to the pool however the transaction ends.
class PoolLease {
 public:
  PoolLease(soci::connection_pool& pool, std::size_t position, std::atomic<std::size_t>& leased)
      : pool_(pool), position_(position), leased_(leased) {
    leased_.fetch_add(1);
  }
  ~PoolLease() {
    leased_.fetch_sub(1);
    pool_.give_back(position_);
  }
  PoolLease(const PoolLease&) = delete;
  PoolLease& operator=(const PoolLease&) = delete;
  soci::session& session() { return pool_.at(position_); }

 private:
  soci::connection_pool& pool_;
  std::size_t position_;
  std::atomic<std::size_t>& leased_;
};

// The per-connection settings, after every open and reconnect.
void apply_session_settings(soci::session& session, SqlBackend backend) {
  if (backend == SqlBackend::kSqlite) {
    session << "PRAGMA busy_timeout = " + std::to_string(kSqliteLockPatience.count());
    // Not covered by the busy timeout: retried (store/sqlite_busy_retry.h).
    retry_while_busy([&] { session << "PRAGMA journal_mode = WAL"; }, kSqliteLockPatience);
    session << "PRAGMA synchronous = NORMAL";
    session << "PRAGMA foreign_keys = ON";
    session << "PRAGMA journal_size_limit = " + std::to_string(kWalFileLimitBytes);
  } else {
    // Keeps libpq's NOTICE lines ("... already exists, skipping") off the server's stderr.
    session << "SET client_min_messages = warning";
  }
}

void open_session(soci::session& session, SqlBackend backend, const std::string& connect) {
  if (backend == SqlBackend::kSqlite) {
    session.open(soci::sqlite3, "db=" + connect);
  } else {
    session.open(soci::postgresql, connect);
  }
  apply_session_settings(session, backend);
}

// A session whose connection broke (the database restarted, a network cut) is opened again
// on its next lease; while the database is away this throws, and the caller answers
// StoreUnavailable. A PostgreSQL connect is bounded by the conninfo's connect_timeout
// (store/postgresql_conninfo.h), so a silent host cannot hang a request.
void ensure_connected(soci::session& session, SqlBackend backend) {
  if (session.is_connected()) return;
  session.reconnect();
  apply_session_settings(session, backend);
}

// Runs one statement without bound values, through the session's statement cache when it has
// one (the savepoint statements run for every work of a batch).
void execute(soci::session& session, const char* sql) { SqlQuery(session, sql).run(); }

// Runs one work of a batch inside its own savepoint and returns its status; its writes are
// undone (and only its) when it fails or throws. Throws when the savepoint statements fail:
// then the transaction itself is broken and the whole batch fails.
domain::Status run_in_savepoint(soci::session& session,
                                const std::function<domain::Status(StoreTransaction&)>& work) {
  execute(session, "SAVEPOINT sspr_work");
  domain::Status status = domain::ok_status();
  try {
    SociStoreTransaction transaction(session);
    status = work(transaction);
  } catch (const std::exception& e) {
    status = errors::store_unavailable(describe_database_error(e));
  } catch (...) {
    status = errors::store_unavailable("unexpected failure inside a database transaction");
  }
  if (!status.ok()) execute(session, "ROLLBACK TO sspr_work");
  execute(session, "RELEASE sspr_work");
  return status;
}

// Ends a failed transaction; when even that fails the connection is broken, and the next
// lease reconnects.
void roll_back_quietly(soci::session& session) {
  try {
    session << "ROLLBACK";
  } catch (const std::exception&) {
  }
}

// A thread waits for a free session; a fiber asks again every half millisecond and parks in
// between, so that its event-loop thread goes on serving the requests that hold them.
bool lease_session(soci::connection_pool& pool, std::size_t& position) {
  if (!platform::fibers::in_fiber()) return pool.try_lease(position, kLeaseTimeoutMs);
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(kLeaseTimeoutMs);
  while (!pool.try_lease(position, 0)) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    platform::fibers::park_for(std::chrono::microseconds(500));
  }
  return true;
}

}  // namespace

SociStore::SociStore(SqlBackend backend, std::size_t pool_size)
    : backend_(backend),
      pool_(pool_size),
      pool_size_(pool_size),
      sqlite_writes_(kGroupCommitMaxWorks) {}

SociStore::~SociStore() {
  checkpointer_.reset();  // while the writer sessions it watches are open
  for (std::size_t i = 0; i < pool_size_; ++i) {
    StatementCache::disable(pool_.at(i));
    if (readers_) StatementCache::disable(readers_->at(i));
  }
}

domain::Result<std::unique_ptr<SociStore>> SociStore::open(SqlBackend backend,
                                                           const std::string& connect_string,
                                                           std::size_t pool_size) {
  if (pool_size == 0) pool_size = 1;
  if (backend == SqlBackend::kSqlite) configure_sqlite_library();
  std::unique_ptr<SociStore> store(new SociStore(backend, pool_size));
  try {
    for (std::size_t i = 0; i < pool_size; ++i) {
      open_session(store->pool_.at(i), backend, connect_string);
    }
    // SQLite statements are cheap to keep and costly to compile again: cache them. (SOCI 4.0's
    // PostgreSQL backend prepares each statement on the server and deallocates it after its
    // one execution, so there is nothing to keep yet; docs/PERFORMANCE.md "Scale out".)
    if (backend == SqlBackend::kSqlite) {
      for (std::size_t i = 0; i < pool_size; ++i) StatementCache::enable(store->pool_.at(i));
    }
  } catch (const std::exception& e) {
    return errors::store_unavailable("cannot open the " + std::string(to_string(backend)) +
                                     " database: " + describe_database_error(e));
  }
  auto migrations = parse_migrations(embedded_migrations());
  if (!migrations) return migrations.error();
  PoolLease lease(store->pool_, store->pool_.lease(), store->leased_);
  const platform::SystemClock clock;
  auto status = migrate(lease.session(), backend, *migrations, domain::to_iso8601(clock.now()));
  if (!status) return status.error();
  if (backend == SqlBackend::kSqlite) {
    // Opened after the migration, so a fresh file is in WAL mode with its schema already.
    store->readers_ = std::make_unique<soci::connection_pool>(pool_size);
    try {
      for (std::size_t i = 0; i < pool_size; ++i) {
        soci::session& reader = store->readers_->at(i);
        open_session(reader, backend, connect_string);
        reader << "PRAGMA query_only = ON";
        StatementCache::enable(reader);
      }
    } catch (const std::exception& e) {
      return errors::store_unavailable("cannot open the sqlite database for reading: " +
                                       describe_database_error(e));
    }
    try {
      SociStore* writes = store.get();
      store->checkpointer_ = std::make_unique<WalCheckpointer>(
          connect_string, WalCheckpointer::Limits{kCheckpointFrames, kRestartFrames},
          [writes](const std::function<void()>& exclusive) {
            writes->sqlite_writes_.between_batches(exclusive);
          });
    } catch (const std::exception& e) {
      return errors::store_unavailable("cannot open the sqlite database for its checkpoints: " +
                                       describe_database_error(e));
    }
    for (std::size_t i = 0; i < pool_size; ++i) store->checkpointer_->watch(store->pool_.at(i));
  }
  return store;
}

domain::Status SociStore::transact(const std::function<domain::Status(StoreTransaction&)>& work) {
  if (backend_ == SqlBackend::kSqlite) {
    return sqlite_writes_.submit(work, [this](std::span<GroupCommitQueue::Entry* const> batch) {
      return commit_batch(batch);
    });
  }
  return run(pool_, false, work);
}

std::size_t SociStore::commit_batch(std::span<GroupCommitQueue::Entry* const> batch) {
  auto fail_all = [&](std::size_t count, const domain::Error& error) {
    for (std::size_t i = 0; i < count; ++i) batch[i]->status = error;
    return count;
  };
  if (batch.size() == 1) {  // alone: no savepoint needed, a failure rolls back the transaction
    batch[0]->status = run(pool_, false, *batch[0]->work);
    return 1;
  }
  std::size_t position = 0;
  if (!lease_session(pool_, position)) {
    return fail_all(batch.size(),
                    errors::store_unavailable("no free database session within " +
                                              std::to_string(kLeaseTimeoutMs / 1000) + " s"));
  }
  PoolLease lease(pool_, position, leased_);
  soci::session& session = lease.session();
  std::size_t ran = 0;      // works finished in this transaction
  std::size_t touched = 0;  // works begun in it: on a failure these fail, the rest wait
  bool begun = false;
  try {
    ensure_connected(session, backend_);
    execute(session, begin_transaction_sql(backend_));
    begun = true;
    const auto started = std::chrono::steady_clock::now();
    while (ran < batch.size() &&
           (ran == 0 || std::chrono::steady_clock::now() - started < kGroupCommitMaxMs)) {
      GroupCommitQueue::Entry& entry = *batch[ran];
      touched = ran + 1;
      entry.status = run_in_savepoint(session, *entry.work);
      ++ran;
    }
    execute(session, "COMMIT");
    return ran;
  } catch (const std::exception& e) {
    if (begun) roll_back_quietly(session);
    return fail_all(std::max<std::size_t>(touched, 1),
                    errors::store_unavailable(describe_database_error(e)));
  } catch (...) {
    if (begun) roll_back_quietly(session);
    return fail_all(std::max<std::size_t>(touched, 1),
                    errors::store_unavailable("unexpected failure inside a database transaction"));
  }
}

domain::Status SociStore::read(const std::function<domain::Status(StoreTransaction&)>& work) {
  return run(readers_ ? *readers_ : pool_, true, work);
}

domain::Status SociStore::run(soci::connection_pool& pool, bool read_only,
                              const std::function<domain::Status(StoreTransaction&)>& work) {
  // PostgreSQL: each statement is a network round trip. A request running as a fiber hands
  // the whole transaction to a thread for blocking work and parks meanwhile, so its event-loop
  // thread goes on serving. (SQLite's statements are calls into the library: they run here.)
  if (backend_ != SqlBackend::kSqlite && platform::fibers::in_fiber()) {
    return platform::fibers::offload([&] { return run(pool, read_only, work); });
  }
  std::size_t position = 0;
  if (!lease_session(pool, position)) {
    return errors::store_unavailable("no free database session within " +
                                     std::to_string(kLeaseTimeoutMs / 1000) + " s");
  }
  PoolLease lease(pool, position, leased_);
  soci::session& session = lease.session();
  bool begun = false;
  try {
    ensure_connected(session, backend_);
    // Through the session's statement cache: a SQLite BEGIN and COMMIT compiled once per
    // session, not once per transaction (two of them a transaction, ~20 transactions a reset).
    execute(session,
            read_only ? begin_read_transaction_sql(backend_) : begin_transaction_sql(backend_));
    begun = true;
    SociStoreTransaction transaction(session);
    domain::Status status = work(transaction);
    execute(session, status.ok() ? "COMMIT" : "ROLLBACK");
    return status;
  } catch (const std::exception& e) {
    if (begun) roll_back_quietly(session);
    return errors::store_unavailable(describe_database_error(e));
  } catch (...) {
    if (begun) roll_back_quietly(session);
    return errors::store_unavailable("unexpected failure inside a database transaction");
  }
}

Store::PoolUsage SociStore::pool_usage() const {
  // SQLite has a second pool of the same size for reads.
  return {leased_.load(), readers_ ? 2 * pool_size_ : pool_size_};
}

std::optional<Store::WriterUsage> SociStore::writer_usage() const {
  if (backend_ != SqlBackend::kSqlite) return std::nullopt;
  const auto logged = wal_checkpoints();
  const auto batches = sqlite_writes_.totals();
  return WriterUsage{queued_writes(), logged.log_frames, logged.checkpoints, logged.restarts,
                     logged.busy,     logged.failures,   batches.batches,    batches.works};
}

bool SociStore::ping() {
  if (backend_ != SqlBackend::kSqlite && platform::fibers::in_fiber()) {
    return platform::fibers::offload([this] { return ping(); });  // as run()
  }
  std::size_t position = 0;
  if (!lease_session(pool_, position)) return false;
  PoolLease lease(pool_, position, leased_);
  try {
    soci::session& session = lease.session();
    ensure_connected(session, backend_);
    int one = 0;
    session << "SELECT 1", soci::into(one);
    return one == 1;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace sspr::store
