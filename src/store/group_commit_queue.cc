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
  if (!leading_) leading_ = me.lead = true;
  while (true) {
    me.woken.wait(lock, [&] { return me.done || me.lead; });
    if (me.done) return me.entry.status;
    const std::size_t size = std::min(queue_.size(), max_batch_);
    largest_batch_ = std::max(largest_batch_, size);
    std::vector<Waiting*> waiting(queue_.begin(),
                                  queue_.begin() + static_cast<std::ptrdiff_t>(size));
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
    // Woken under the lock: a finished caller cannot return (and take its condition variable
    // with it) before the lock is released.
    for (std::size_t i = 0; i < finished; ++i) {
      waiting[i]->done = true;
      if (waiting[i] != &me) waiting[i]->woken.notify_one();
    }
    queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(finished));
    if (me.done) {  // hand over to the oldest waiting caller, if any
      me.lead = false;
      if (queue_.empty()) {
        leading_ = false;
      } else {
        queue_.front()->lead = true;
        queue_.front()->woken.notify_one();
      }
    }
  }
}

std::size_t GroupCommitQueue::queued() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return queue_.size();
}

std::size_t GroupCommitQueue::largest_batch() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return largest_batch_;
}

}  // namespace sspr::store
