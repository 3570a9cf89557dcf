#pragma once
// Fibers: requests served on the event loop's threads without a thread of their own per
// request. A fiber runs a function on its own stack until it parks (waits for something:
// its group commit, a hash); the thread then goes on with other work, and whoever ends the
// wait wakes the fiber, which the runtime schedules to continue on one of its threads.
//
// Code that waits asks in_fiber(): in a fiber it parks, outside one (the CLI, tests, other
// threads) it blocks the thread as before. offload() runs blocking work (a hash, a network
// call) on a thread of its own and parks the fiber meanwhile.

#include <chrono>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>

namespace sspr::platform::fibers {

// Where a fiber's continuations run: the server's event loop.
class Runtime {
 public:
  virtual ~Runtime() = default;
  // Runs `task` soon on one of the runtime's threads (never inline).
  virtual void post(std::function<void()> task) = 0;
  // Runs `task` after `delay` on one of the runtime's threads.
  virtual void post_after(std::chrono::microseconds delay, std::function<void()> task) = 0;
};

struct Fiber;
using Handle = std::shared_ptr<Fiber>;

// Starts `body` in a new fiber on this thread now; returns when it parks or ends. `body` must
// not throw (an escaping exception ends the process, as on a thread).
void start(Runtime& runtime, std::function<void()> body);

// Whether this code runs in a fiber, and which.
bool in_fiber();
Handle current();

// Parks the current fiber until wake() is called for it (a wake() that came since the last
// park() makes it return at once). May return without a wake() (spuriously): callers loop on
// their own condition.
void park();

// Makes a parked fiber continue (on a runtime thread); from any thread; harmless on a fiber
// that runs or has ended.
void wake(const Handle& fiber);

// Parks the current fiber for about `delay` (or until woken).
void park_for(std::chrono::microseconds delay);

// Runs `task` on a thread for blocking work and parks the current fiber until it returns;
// outside a fiber just calls it. Exceptions are passed on.
void run_blocking(const std::function<void()>& task);

// Starts the threads for blocking work (named sspr-blocking), `count` of them, unless they run
// already: the first call decides, or else the first run_blocking() with 64. They live as long
// as the process.
void start_blocking_threads(std::size_t count);

template <typename F>
auto offload(F&& task) -> std::invoke_result_t<F> {
  using R = std::invoke_result_t<F>;
  if (!in_fiber()) return task();
  if constexpr (std::is_void_v<R>) {
    run_blocking([&] { task(); });
  } else {
    std::optional<R> result;
    run_blocking([&] { result.emplace(task()); });
    return std::move(*result);
  }
}

}  // namespace sspr::platform::fibers
