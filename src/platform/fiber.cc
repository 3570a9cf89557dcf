#include "platform/fiber.h"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <boost/context/fiber.hpp>
#include <boost/context/stack_context.hpp>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <mutex>
#include <new>
#include <thread>
#include <vector>

#include "platform/thread_name.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/common_interface_defs.h>
#define SSPR_FIBER_ASAN 1
#endif

namespace sspr::platform::fibers {

// Where a stack lies, for AddressSanitizer (see before_switch()).
struct StackBounds {
  const void* bottom = nullptr;
  std::size_t size = 0;
};

struct Fiber {
  Runtime* runtime = nullptr;
  std::function<void()> body;
  std::weak_ptr<Fiber> self;
  boost::context::fiber context;  // the fiber's own continuation while it does not run
  boost::context::fiber caller;   // the thread's side while the fiber runs
  std::mutex mutex;
  bool suspended = false;     // parked and not yet woken
  bool wake_pending = false;  // woken while it ran: its next park() returns at once
  bool finished = false;
  StackBounds own;     // the fiber's stack
  StackBounds thread;  // the stack of the thread that resumed it last
  void* fake_stack = nullptr;
};

namespace {

thread_local Fiber* tl_current = nullptr;

// The fiber running on this thread. Never inlined: a fiber may continue on another thread
// after it parked, and the compiler must not reuse the first thread's address of tl_current.
[[gnu::noinline]] Fiber* running_fiber() { return tl_current; }

// AddressSanitizer is told of every switch between a thread's stack and a fiber's, as its
// documentation asks of code that switches stacks; else it takes a fiber's stack for a
// corrupt thread stack and reports falsely (at every exception thrown in a fiber).
void before_switch([[maybe_unused]] void** fake_stack, [[maybe_unused]] StackBounds to) {
#ifdef SSPR_FIBER_ASAN
  __sanitizer_start_switch_fiber(fake_stack, to.bottom, to.size);
#endif
}

void after_switch([[maybe_unused]] void* fake_stack, [[maybe_unused]] StackBounds* from) {
#ifdef SSPR_FIBER_ASAN
  __sanitizer_finish_switch_fiber(fake_stack, from != nullptr ? &from->bottom : nullptr,
                                  from != nullptr ? &from->size : nullptr);
#endif
}

// Stacks are kept for the next fiber: mapping and touching a fresh one for every request
// would cost more than the switches fibers save.
constexpr std::size_t kStackSize = 1024 * 1024;
constexpr std::size_t kKeptStacks = 512;

class StackPool {
 public:
  void* take() {
    {
      std::lock_guard lock(mutex_);
      if (!free_.empty()) {
        void* top = free_.back();
        free_.pop_back();
        return top;
      }
    }
    const std::size_t page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    void* base = ::mmap(nullptr, kStackSize + page, PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
    if (base == MAP_FAILED) throw std::bad_alloc();
    ::mprotect(base, page, PROT_NONE);  // a guard page below the stack
    return static_cast<char*>(base) + page + kStackSize;
  }
  void give_back(void* top) {
    {
      std::lock_guard lock(mutex_);
      if (free_.size() < kKeptStacks) {
        free_.push_back(top);
        return;
      }
    }
    const std::size_t page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    ::munmap(static_cast<char*>(top) - kStackSize - page, kStackSize + page);
  }

 private:
  std::mutex mutex_;
  std::vector<void*> free_;
};

StackPool& stacks() {
  static auto* pool = new StackPool();  // never destroyed: fibers may end during exit
  return *pool;
}

struct PooledStack {
  Fiber* fiber = nullptr;
  boost::context::stack_context allocate() {
    boost::context::stack_context context;
    context.size = kStackSize;
    context.sp = stacks().take();
    fiber->own = {static_cast<char*>(context.sp) - kStackSize, kStackSize};
    return context;
  }
  void deallocate(boost::context::stack_context& context) noexcept {
    stacks().give_back(context.sp);
  }
};

// Switches into `fiber` until it parks or ends; runs it again at once if it was woken while
// it parked.
void run(const Handle& fiber) {
  for (;;) {
    Fiber* outer = tl_current;
    tl_current = fiber.get();
    void* fake_stack = nullptr;
    before_switch(&fake_stack, fiber->own);
    fiber->context = std::move(fiber->context).resume();
    after_switch(fake_stack, nullptr);
    tl_current = outer;
    std::lock_guard lock(fiber->mutex);
    if (!fiber->context) {
      fiber->finished = true;
      return;
    }
    if (!fiber->wake_pending) {
      fiber->suspended = true;
      return;
    }
    fiber->wake_pending = false;
  }
}

// Threads for blocking work called from fibers (run_blocking()).
class BlockingThreads {
 public:
  explicit BlockingThreads(std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) {
      std::thread([this] { serve(); }).detach();
    }
  }
  void submit(std::function<void()> task) {
    {
      std::lock_guard lock(mutex_);
      queue_.push_back(std::move(task));
    }
    wake_.notify_one();
  }

 private:
  void serve() {
    name_current_thread("sspr-blocking");
    for (;;) {
      std::function<void()> task;
      {
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [this] { return !queue_.empty(); });
        task = std::move(queue_.front());
        queue_.pop_front();
      }
      task();
    }
  }
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> queue_;
};

constexpr std::size_t kDefaultBlockingThreads = 64;

BlockingThreads& blocking_threads(std::size_t count = kDefaultBlockingThreads) {
  // Never destroyed: its detached threads use it.
  static auto* threads = new BlockingThreads(std::max<std::size_t>(1, count));
  return *threads;
}

}  // namespace

void start(Runtime& runtime, std::function<void()> body) {
  if (running_fiber() != nullptr) {  // already in a fiber: no fiber in a fiber
    body();
    return;
  }
  auto fiber = std::make_shared<Fiber>();
  fiber->runtime = &runtime;
  fiber->body = std::move(body);
  fiber->self = fiber;
  Fiber* raw = fiber.get();
  fiber->context = boost::context::fiber(std::allocator_arg, PooledStack{raw},
                                         [raw](boost::context::fiber&& caller) {
                                           after_switch(nullptr, &raw->thread);
                                           raw->caller = std::move(caller);
                                           try {
                                             raw->body();
                                           } catch (const boost::context::detail::forced_unwind&) {
                                             // A suspended fiber being destroyed unwinds its
                                             // stack; never today (a parked fiber holds a handle
                                             // to itself), but it must reach Boost if it comes.
                                             throw;
                                           } catch (...) {
                                             std::terminate();  // a request body catches its own
                                           }
                                           raw->body = nullptr;
                                           before_switch(nullptr, raw->thread);  // this stack ends
                                           return std::move(raw->caller);
                                         });
  run(fiber);
}

bool in_fiber() { return running_fiber() != nullptr; }

Handle current() {
  Fiber* fiber = running_fiber();
  return fiber != nullptr ? fiber->self.lock() : nullptr;
}

void park() {
  Fiber* fiber = running_fiber();
  if (fiber == nullptr) return;
  before_switch(&fiber->fake_stack, fiber->thread);
  fiber->caller = std::move(fiber->caller).resume();
  after_switch(fiber->fake_stack, &fiber->thread);
}

void wake(const Handle& fiber) {
  if (!fiber) return;
  {
    std::lock_guard lock(fiber->mutex);
    if (fiber->finished) return;
    if (!fiber->suspended) {
      fiber->wake_pending = true;
      return;
    }
    fiber->suspended = false;
  }
  fiber->runtime->post([fiber] { run(fiber); });
}

void park_for(std::chrono::microseconds delay) {
  Handle me = current();
  if (!me) {
    std::this_thread::sleep_for(delay);
    return;
  }
  me->runtime->post_after(delay, [me] { wake(me); });
  park();
}

void run_blocking(const std::function<void()>& task) {
  Handle me = current();
  if (!me) {
    task();
    return;
  }
  std::atomic<bool> done{false};
  std::exception_ptr failure;
  blocking_threads().submit([&task, &done, &failure, me] {
    try {
      task();
    } catch (...) {
      failure = std::current_exception();
    }
    done.store(true, std::memory_order_release);
    wake(me);
  });
  while (!done.load(std::memory_order_acquire)) park();
  if (failure) std::rethrow_exception(failure);
}

void start_blocking_threads(std::size_t count) { blocking_threads(count); }

}  // namespace sspr::platform::fibers
