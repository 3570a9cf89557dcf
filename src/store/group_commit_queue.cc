#include "store/group_commit_queue.h"

#include <algorithm>
#include <exception>
#include <string>
#include <vector>

#include "domain/error.h"

namespace sspr::store {

domain::Status GroupCommitQueue::submit(const Work& work, const BatchRunner& run_batch) {
  Waiting me;
  me.entry.work = &work;
  std::unique_lock<std::mutex> lock(mutex_);
  queue_.push_back(&me);
  if (leader_ == nullptr) leader_ = &me;
  while (true) {
    me.woken.wait(lock, [&] { return me.done || (leader_ == &me && barriers_ == 0); });
    if (me.done) return me.entry.status;
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
    if (barriers_ > 0) idle_.notify_all();
    // Woken under the lock: a finished caller cannot return (and take its condition variable
    // with it) before the lock is released.
    for (std::size_t i = 0; i < finished; ++i) {
      waiting[i]->done = true;
      if (waiting[i] != &me) waiting[i]->woken.notify_one();
    }
    queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(finished));
    if (me.done) {  // hand over to the oldest waiting caller, if any
      leader_ = queue_.empty() ? nullptr : queue_.front();
      // Else the leader is woken when the last between_batches() call ends.
      if (leader_ != nullptr && barriers_ == 0) leader_->woken.notify_one();
    }
  }
}

void GroupCommitQueue::between_batches(const std::function<void()>& exclusive) {
  std::unique_lock<std::mutex> lock(mutex_);
  ++barriers_;  // from here no leader starts a batch
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
    if (leader_ != nullptr) leader_->woken.notify_one();
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

std::size_t GroupCommitQueue::between_batches_pending() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return barriers_;
}

}  // namespace sspr::store
