#include "store/wal_checkpointer.h"

#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <chrono>

#include "platform/thread_name.h"
#include "store/sqlite_busy_retry.h"

namespace sspr::store {

namespace {

sqlite_api::sqlite3* handle_of(soci::session& session) {
  return static_cast<soci::sqlite3_session_backend*>(session.get_backend())->conn_;
}

// Before the round that holds the writers back, the thread copies beside them again while
// more than this share of `checkpoint_frames` was added during the previous copy (at most
// kCatchUpRounds times), so the writers wait for a few pages, not for a whole round.
constexpr int kFewFramesDivisor = 8;
constexpr int kCatchUpRounds = 2;

// SQLite's own automatic checkpoint, given back to the writers at the end: its documented
// default.
constexpr int kSqliteAutoCheckpointFrames = 1000;

}  // namespace

WalCheckpointer::WalCheckpointer(const std::string& path, Limits limits,
                                 BetweenWrites between_writes)
    : limits_(limits), between_writes_(std::move(between_writes)) {
  limits_.checkpoint_frames = std::max(1, limits_.checkpoint_frames);
  limits_.restart_frames = std::max(limits_.checkpoint_frames, limits_.restart_frames);
  session_.open(soci::sqlite3, "db=" + path);
  // NORMAL, as on the writers: a checkpoint syncs the log before it copies and the database
  // file after, so a page leaves the log only once it is safe in the file.
  // Its first statement, while another process creates or recovers the WAL, is busy without
  // a busy handler (this session keeps none: its checkpoints must not wait for readers).
  retry_while_busy([this] { session_ << "PRAGMA synchronous = NORMAL"; }, kSqliteLockPatience);
  thread_ = std::thread([this] { run(); });
}

WalCheckpointer::~WalCheckpointer() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
  for (sqlite_api::sqlite3* writer : watched_) {
    sqlite_api::sqlite3_wal_autocheckpoint(writer, kSqliteAutoCheckpointFrames);
  }
}

void WalCheckpointer::watch(soci::session& writer) {
  watched_.push_back(handle_of(writer));
  sqlite_api::sqlite3_wal_hook(watched_.back(), &WalCheckpointer::on_commit, this);
}

WalCheckpointer::Stats WalCheckpointer::stats() const {
  std::lock_guard<std::mutex> lock(mutex_);
  Stats stats = stats_;
  stats.log_frames = log_frames_.load(std::memory_order_relaxed);
  stats.restarts = restarts_.load(std::memory_order_relaxed);
  return stats;
}

int WalCheckpointer::on_commit(void* self, sqlite_api::sqlite3*, const char*, int frames) {
  static_cast<WalCheckpointer*>(self)->committed(frames);
  return SQLITE_OK;
}

// On the writer's thread, inside its COMMIT: cheap unless a round is due. A commit that finds
// the log shorter than the one before began it anew; it is counted here, since any round that
// copied the whole log may have made that possible (under load, a round beside the writers
// often does, before the round that holds them back is due).
void WalCheckpointer::committed(int frames) {
  if (frames < log_frames_.exchange(frames, std::memory_order_relaxed))
    restarts_.fetch_add(1, std::memory_order_relaxed);
  if (!due(frames) || requested_.exchange(true)) return;
  { std::lock_guard<std::mutex> lock(mutex_); }  // the thread is waiting, or sees requested_
  wake_.notify_one();
}

bool WalCheckpointer::due(int frames) {
  int checked = checked_at_.load(std::memory_order_relaxed);
  if (frames < checked) {  // the log started over
    checked = 0;
    checked_at_.store(0, std::memory_order_relaxed);
  }
  return frames - checked >= limits_.checkpoint_frames;
}

void WalCheckpointer::run() {
  platform::name_current_thread("sspr-checkpoint");
  std::unique_lock<std::mutex> lock(mutex_);
  while (true) {
    wake_.wait(lock, [this] { return stopping_ || requested_.load(); });
    if (stopping_) return;
    lock.unlock();
    round();
    // Commits during the round found it asked for already; one of them may have made the
    // next round due, and there may be no commit after it to ask again.
    requested_.store(due(log_frames_.load(std::memory_order_relaxed)));
    lock.lock();
  }
}

void WalCheckpointer::round() {
  checked_at_.store(log_frames_.load(std::memory_order_relaxed), std::memory_order_relaxed);
  int log = 0;
  int copied = 0;
  bool ok = checkpoint(log, copied);
  if (ok && log >= limits_.restart_frames) {
    const int few = std::max(1, limits_.checkpoint_frames / kFewFramesDivisor);
    for (int i = 0; ok && i < kCatchUpRounds && log - copied > few; ++i)
      ok = checkpoint(log, copied);
    if (ok) between_writes_([&] { ok = checkpoint(log, copied); });
  }
  std::lock_guard<std::mutex> lock(mutex_);
  ++stats_.checkpoints;
}

bool WalCheckpointer::checkpoint(int& log, int& copied) {
  const int rc = sqlite_api::sqlite3_wal_checkpoint_v2(handle_of(session_), nullptr,
                                                       SQLITE_CHECKPOINT_PASSIVE, &log, &copied);
  if (rc == SQLITE_OK) return true;
  std::lock_guard<std::mutex> lock(mutex_);
  // Busy: a writer was changing the log's header (starting the log over) as the checkpoint
  // read it; harmless, and not rare.
  if ((rc & 0xff) == SQLITE_BUSY) {
    ++stats_.busy;
    return false;
  }
  ++stats_.failures;
  stats_.last_failure = sqlite_api::sqlite3_extended_errcode(handle_of(session_));
  return false;
}

}  // namespace sspr::store
