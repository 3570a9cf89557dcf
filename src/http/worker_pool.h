#pragma once
// The pool of threads on which blocking work runs (store calls, Argon2id hashing), so the
// event-loop threads only parse and write. Tasks run in submission order, each once. The
// threads are named sspr-worker.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace sspr::http {

class WorkerPool {
 public:
  explicit WorkerPool(std::size_t threads);
  ~WorkerPool();  // stop_and_join()
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Queues `task`; false (and the task is dropped) once stopping has begun. A task must not
  // throw: an escaping exception is swallowed.
  bool submit(std::function<void()> task);

  // Refuses new tasks, runs those already queued, and joins the threads. Idempotent.
  void stop_and_join();

 private:
  void run();

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> queue_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace sspr::http
