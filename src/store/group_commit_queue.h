#pragma once
// Group commit: write transactions that arrive while another is running are queued, and one
// caller (the leader) runs everything queued in one database transaction, each work inside its
// own savepoint, with one COMMIT at the end (SociStore does the SQL, see its header). The
// queue here is the database-free part: who leads, which works form a batch, and when each
// caller learns its own result.
//
// A caller enqueues its work and waits. A caller that finds no leader becomes the leader; it
// takes up to `max_batch` works from the front of the queue (its own among them or not) and
// hands them to the batch runner; the runner reports how many it finished (at least one — it
// may stop early when the batch took too long) and has set each finished work's status. Only
// then, after the runner returned (after its COMMIT), are those callers woken with their
// status; the unfinished ones stay at the front of the queue for the next batch. The leader
// goes on leading until its own work is finished, then hands over to the caller at the front
// of the queue. Works run in arrival order, one at a time, so each sees the writes of the ones
// before it.
//
// Each waiting caller sleeps on its own signal (a flag under its own mutex) and is woken only
// when its work is finished or it becomes the leader: one wake-up per work, not one per
// waiting caller per batch (with 32 request threads the broadcast cost more CPU than it saved;
// PERFORMANCE.md). The callers of a finished batch are woken after the queue's mutex is
// released, so they do not wake only to wait for it (with the queue's mutex, ~4 % of the
// server's CPU went to that contention).
//
// Gathering (gather_while()): a batch that would start with fewer than `max_batch` works may
// wait a little for more, but only while a condition the owner gives holds (the server's: a
// password hash is waiting for a core, so the CPU is taken and the callers wait for hashing
// anyway). Under such load the works arrive a few at a time, each batch wrote its own copy of
// the pages they share and woke its callers one by one; gathering took a third off the
// server's CPU beside the hashes (docs/PERFORMANCE.md, "Gathered writes"). The leader waits
// in slices of a fifth of the limit and asks the condition again at each; a full queue or a
// between_batches() call ends the wait.
//
// between_batches() lets another thread (the WAL checkpointer, store/wal_checkpointer.h) run
// something while no batch runs: it waits for the running batch to finish, keeps the next
// one from starting (the leader waits) and lets it start when done. It is not a work: it
// takes no StoreTransaction and may not submit().
//
// A work may run on another caller's thread (the leader's), so it must not depend on
// thread-local state. Works must not call submit() themselves (the leader would wait for
// itself), as a nested transaction on the one SQLite writer never could.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <span>

#include "domain/error.h"
#include "domain/result.h"
#include "platform/fiber.h"
#include "store/store.h"

namespace sspr::store {

class GroupCommitQueue {
 public:
  using Work = std::function<domain::Status(StoreTransaction&)>;

  // One queued work and, once finished, its result (a failure until the runner sets it, so
  // a work is never reported as committed by mistake).
  struct Entry {
    const Work* work = nullptr;
    domain::Status status = domain::errors::store_unavailable("the work was not run");
  };

  // Runs the works of `batch` in order, sets the status of each it finished and returns how
  // many it finished, counted from the front (1 to batch.size()). A work it finished but whose
  // COMMIT failed must get a failed status. Should not throw; if it does, or finishes none,
  // every work of the batch fails with StoreUnavailable.
  using BatchRunner = std::function<std::size_t(std::span<Entry* const> batch)>;

  explicit GroupCommitQueue(std::size_t max_batch) : max_batch_(max_batch == 0 ? 1 : max_batch) {}

  // Queues `work`, waits until a batch that holds it has been committed (or failed) and
  // returns its status. `run_batch` is used if this caller becomes the leader.
  domain::Status submit(const Work& work, const BatchRunner& run_batch);

  // From now on a leader whose batch is not full waits up to `up_to` for more works while
  // `worth_waiting()` holds (asked without the queue's lock; it must not submit()). A zero
  // `up_to` or an empty function turns gathering off, as it is at first. Call before the
  // first submit().
  void gather_while(std::function<bool()> worth_waiting, std::chrono::milliseconds up_to);

  // Waits until no batch runs, runs `exclusive` while none may start, then lets the next one
  // start. Two calls run one after the other. Callers of submit() that arrive meanwhile queue as
  // usual. An exception from `exclusive` is passed on, after the next batch was let start.
  void between_batches(const std::function<void()>& exclusive);

  // For tests and diagnostics: the works queued now (a running batch's unfinished works
  // count), how many works the largest batch so far was given, and the between_batches()
  // calls waiting or running now.
  std::size_t queued() const;
  std::size_t largest_batch() const;
  std::size_t between_batches_pending() const;

  // Since the start: the batches run (committed or failed) and the works they finished (each
  // caller got its status), so works ÷ batches is the mean batch (/metrics).
  struct Totals {
    std::uint64_t batches = 0;
    std::uint64_t works = 0;
  };
  Totals totals() const;

 private:
  // A caller waiting in submit(). Its own mutex guards only `signalled` and `done`; the
  // queue's state is read under `mutex_`. A finished caller is signalled once, with `done`,
  // and never touched again (it returns and its Waiting ends); a caller still queued may be
  // signalled any number of times (to lead, or to look again), under `mutex_` only.
  struct Waiting {
    Entry entry;
    std::mutex signal_mutex;
    std::condition_variable woken;
    bool signalled = false;
    bool done = false;  // its batch was committed (or failed): entry.status is final
    platform::fibers::Handle fiber = platform::fibers::current();  // null: a thread waits

    void signal(bool finished);
    bool wait_for_signal();  // clears the signal; returns `done`
  };

  std::size_t max_batch_;
  mutable std::mutex mutex_;
  std::deque<Waiting*> queue_;      // arrival order; a running batch is at its front
  Waiting* leader_ = nullptr;       // the caller that runs the next batch (or runs one now)
  bool running_ = false;            // the leader runs a batch now
  std::size_t barriers_ = 0;        // between_batches() calls waiting or running: no batch starts
  bool exclusive_running_ = false;  // a between_batches() call runs its function now
  std::condition_variable idle_;    // between_batches(): no batch and no other call runs
  std::size_t largest_batch_ = 0;
  Totals totals_;
  std::function<bool()> worth_waiting_;  // gathering: empty when off
  std::chrono::milliseconds gather_up_to_{0};
  bool gathering_ = false;            // the leader waits for more works now
  std::condition_variable gathered_;  // the queue is full (or a barrier came) while gathering
  platform::fibers::Handle gathering_fiber_;  // the leader gathering, when it is a fiber

  void end_gathering();  // under mutex_: wakes the gathering leader

  // The leader, before a batch: waits while gathering is worth it (see gather_while()).
  void gather(std::unique_lock<std::mutex>& lock);
};

}  // namespace sspr::store
