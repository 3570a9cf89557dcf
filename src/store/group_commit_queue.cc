#include "store/group_commit_queue.h"

#include <algorithm>
#include <exception>
#include <string>
#include <vector>

#include "domain/error.h"

namespace sspr::store {

void GroupCommitQueue::Waiting::signal(bool finished) {
  if (fiber) {
    // Copied first: once the flag is set, the caller may return and this Waiting end.
    const platform::fibers::Handle waiter = fiber;
    {
      std::lock_guard<std::mutex> lock(signal_mutex);
      signalled = true;
      done = done || finished;
    }
    platform::fibers::wake(waiter);
    return;
  }
  std::lock_guard<std::mutex> lock(signal_mutex);
  signalled = true;
  done = done || finished;
  woken.notify_one();
}

bool GroupCommitQueue::Waiting::wait_for_signal() {
  if (fiber) {
    for (;;) {
      {
        std::lock_guard<std::mutex> lock(signal_mutex);
        if (signalled) {
          signalled = false;
          return done;
        }
      }
      platform::fibers::park();
    }
  }
  std::unique_lock<std::mutex> lock(signal_mutex);
  woken.wait(lock, [&] { return signalled; });
  signalled = false;
  return done;
}

void GroupCommitQueue::end_gathering() {
  gathered_.notify_one();
  if (gathering_fiber_) platform::fibers::wake(gathering_fiber_);
}

domain::Status GroupCommitQueue::submit(const Work& work, const BatchRunner& run_batch) {
  Waiting me;
  me.entry.work = &work;
  std::unique_lock<std::mutex> lock(mutex_);
  queue_.push_back(&me);
  if (leader_ == nullptr) leader_ = &me;
  if (gathering_ && queue_.size() >= max_batch_) end_gathering();
  bool done = false;  // a batch this caller led finished its own work
  while (true) {
    while (!(leader_ == &me && barriers_ == 0)) {
      lock.unlock();
      if (me.wait_for_signal()) return me.entry.status;  // a leader finished it
      lock.lock();
    }
    gather(lock);
    if (barriers_ > 0) continue;  // a between_batches() call came meanwhile: it goes first
    const std::size_t size = std::min(queue_.size(), max_batch_);
    largest_batch_ = std::max(largest_batch_, size);
    std::vector<Waiting*> waiting(queue_.begin(),
                                  queue_.begin() + static_cast<std::ptrdiff_t>(size));
    running_ = true;
    lock.unlock();

    // Only the leader removes entries, and only from the front, so `waiting` stays the front
    // of the queue while the batch runs; new callers append behind it.
    std::vector<Entry*> batch;
    batch.reserve(size);
    for (Waiting* w : waiting) batch.push_back(&w->entry);
    std::size_t finished = 0;
    std::string failure;
    try {
      finished = run_batch(std::span<Entry* const>(batch));
      if (finished == 0 || finished > size) failure = "the batch runner finished no work";
    } catch (const std::exception& e) {
      failure = std::string("group commit failed: ") + e.what();
    } catch (...) {
      failure = "group commit failed";
    }
    if (!failure.empty()) {
      for (Entry* entry : batch) entry->status = domain::errors::store_unavailable(failure);
      finished = size;
    }

    lock.lock();
    running_ = false;
    ++totals_.batches;
    totals_.works += finished;
    if (barriers_ > 0) idle_.notify_all();
    for (std::size_t i = 0; i < finished; ++i) done = done || waiting[i] == &me;
    queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(finished));
    if (done) {  // hand over to the oldest waiting caller, if any
      leader_ = queue_.empty() ? nullptr : queue_.front();
      // Signalled under the lock: it is still queued, so it cannot finish and end before it
      // takes the lock. Else the leader is signalled when the last between_batches() call ends.
      if (leader_ != nullptr && barriers_ == 0) leader_->signal(false);
    }
    // The finished callers left the queue above, so nothing else reaches them now: they are
    // signalled without the lock, and each returns as soon as its signal arrives.
    lock.unlock();
    for (std::size_t i = 0; i < finished; ++i) {
      if (waiting[i] != &me) waiting[i]->signal(true);
    }
    if (done) return me.entry.status;
    lock.lock();
  }
}

void GroupCommitQueue::gather_while(std::function<bool()> worth_waiting,
                                    std::chrono::milliseconds up_to) {
  std::lock_guard<std::mutex> lock(mutex_);
  worth_waiting_ = up_to.count() > 0 ? std::move(worth_waiting) : nullptr;
  gather_up_to_ = up_to;
}

void GroupCommitQueue::gather(std::unique_lock<std::mutex>& lock) {
  if (!worth_waiting_) return;
  const auto deadline = std::chrono::steady_clock::now() + gather_up_to_;
  const auto slice =
      std::max<std::chrono::microseconds>(gather_up_to_ / 5, std::chrono::microseconds(100));
  while (queue_.size() < max_batch_ && barriers_ == 0) {
    lock.unlock();
    const bool worth = worth_waiting_();
    lock.lock();
    const auto now = std::chrono::steady_clock::now();
    if (!worth || now >= deadline) return;
    gathering_ = true;
    if (platform::fibers::in_fiber()) {
      // A fiber does not hold its thread while it gathers: it parks until the slice ends or
      // the queue fills.
      gathering_fiber_ = platform::fibers::current();
      const auto until = std::min<std::chrono::steady_clock::time_point>(deadline, now + slice);
      lock.unlock();
      platform::fibers::park_for(
          std::chrono::duration_cast<std::chrono::microseconds>(until - now));
      lock.lock();
      gathering_fiber_ = nullptr;
    } else {
      gathered_.wait_until(lock,
                           std::min<std::chrono::steady_clock::time_point>(deadline, now + slice),
                           [&] { return queue_.size() >= max_batch_ || barriers_ > 0; });
    }
    gathering_ = false;
  }
}

void GroupCommitQueue::between_batches(const std::function<void()>& exclusive) {
  std::unique_lock<std::mutex> lock(mutex_);
  ++barriers_;  // from here no leader starts a batch
  if (gathering_) end_gathering();
  idle_.wait(lock, [&] { return !running_ && !exclusive_running_; });
  exclusive_running_ = true;
  lock.unlock();
  std::exception_ptr failure;
  try {
    exclusive();
  } catch (...) {
    failure = std::current_exception();
  }
  lock.lock();
  exclusive_running_ = false;
  if (--barriers_ == 0) {
    if (leader_ != nullptr) leader_->signal(false);
  } else {
    idle_.notify_all();  // the next between_batches() caller
  }
  lock.unlock();
  if (failure) std::rethrow_exception(failure);
}

std::size_t GroupCommitQueue::queued() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return queue_.size();
}

std::size_t GroupCommitQueue::largest_batch() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return largest_batch_;
}

GroupCommitQueue::Totals GroupCommitQueue::totals() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return totals_;
}

std::size_t GroupCommitQueue::between_batches_pending() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return barriers_;
}

}  // namespace sspr::store
