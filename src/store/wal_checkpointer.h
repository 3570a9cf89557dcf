#pragma once
// Keeps an SQLite write-ahead log short without making the writer wait for it.
//
// By default SQLite checkpoints inside the COMMIT that takes the log past 1000 pages: the
// writer copies the log into the database file and waits for two fsyncs, and every other
// write waits behind it (a fifth of the group commit writer's time; docs/PERFORMANCE.md).
// Here a thread of its own does that work on its own connection, while the writers go on:
//
// 1. The writers' connections report the log's length after each commit (a WAL hook, which
//    also switches their own automatic checkpoint off). When `checkpoint_frames` pages have
//    been added since the last checkpoint, the thread wakes.
// 2. It runs a PASSIVE checkpoint: copies what the log holds into the database file beside
//    the writers (readers and the writer go on; pages written meanwhile stay in the log).
// 3. Copying does not make the log shorter: SQLite starts it over only when a write
//    transaction begins on a log that is copied in full, and under load the next one always
//    begins while the copy runs. So once the log holds `restart_frames` pages, the thread
//    copies once more (the pages added in the meantime, a few) inside `between_writes`,
//    which holds the writers back (the group commit's between_batches()). The next write
//    transaction then begins on a fully copied log and starts it over from its first page;
//    `journal_size_limit` on the writers gives the file's space back.
//
// A reader that still reads an old snapshot can keep a page from being copied, or the log
// from starting over; the next round tries again. A failed checkpoint is counted and tried
// again at the next round; nothing is lost, the log just stays longer until then. Other
// processes on the same file (the CLI) keep SQLite's own automatic checkpoint.

#include "store/soci_headers.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace sqlite_api {  // where <soci/sqlite3/soci-sqlite3.h> declares SQLite's API
struct sqlite3;
}

namespace sspr::store {

class WalCheckpointer {
 public:
  struct Limits {
    int checkpoint_frames = 1000;  // pages added to the log before a checkpoint
    int restart_frames = 4000;     // log length (pages) at which it is started over
  };
  // Runs its argument while no write transaction runs and none may begin.
  using BetweenWrites = std::function<void(const std::function<void()>&)>;

  struct Stats {
    std::uint64_t checkpoints = 0;  // checkpoint rounds run
    std::uint64_t restarts = 0;     // times the log started over (a commit found it shorter)
    std::uint64_t busy = 0;         // checkpoints that found the log busy (retried next round)
    std::uint64_t failures = 0;     // checkpoints that failed otherwise (retried next round)
    int last_failure = 0;           // SQLite's (extended) result code for the latest of them
    int log_frames = 0;             // the log's length after the latest commit
  };

  // Opens a connection of its own to the SQLite file `path` (throws soci::soci_error when it
  // cannot) and starts the thread.
  WalCheckpointer(const std::string& path, Limits limits, BetweenWrites between_writes);
  ~WalCheckpointer();  // stops the thread (a round that runs is finished first), unwatches
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;

  // Watches a writer's connection: installs the WAL hook (which replaces its automatic
  // checkpoint). Call before the connection writes, on a session open on the same file that
  // stays open as long as this object (whose destructor gives it its automatic checkpoint
  // back).
  void watch(soci::session& writer);

  Stats stats() const;

 private:
  static int on_commit(void* self, sqlite_api::sqlite3* db, const char* name, int frames);
  void committed(int frames);
  bool due(int frames);  // a round is due with the log this long
  void run();
  void round();
  // One PASSIVE checkpoint: sets `log` and `copied` (pages); false when SQLite refused it.
  bool checkpoint(int& log, int& copied);

  Limits limits_;
  BetweenWrites between_writes_;
  soci::session session_;
  std::vector<sqlite_api::sqlite3*> watched_;  // the writers' connections
  std::atomic<int> log_frames_{0};             // after the latest commit
  std::atomic<std::uint64_t> restarts_{0};     // commits that found the log shorter
  std::atomic<int> checked_at_{0};             // the log's length when the latest round began
  std::atomic<bool> requested_{false};         // a round is asked for and has not begun
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  Stats stats_;
  std::thread thread_;
};

}  // namespace sspr::store
