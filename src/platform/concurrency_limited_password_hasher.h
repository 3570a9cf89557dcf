#pragma once
// A PasswordHasher that lets at most N hash() / verify() calls of the hasher it wraps run at
// once; further callers wait for a slot. Argon2id holds its memory (19 MiB at the defaults)
// and a core for the whole call, so this bounds the memory of concurrent hashes to N × m and
// keeps them from oversubscribing the CPU, whatever the size of the thread pool that calls it
// (server.worker_threads). Waiting callers are admitted first come, first served (not
// std::counting_semaphore, which lets a late caller overtake and starved some resets for
// seconds under load), and a finished call hands its slot straight to the first waiting one
// and wakes that one alone: under load some 30 callers wait, and waking them all at every
// hash (one shared condition variable) cost about 25 context switches per hash
// (docs/PERFORMANCE.md). Calls that do not hash (everything else the workers do) never wait
// here. The wrapped hasher must outlive this one and be safe to call from N threads.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>

#include "domain/password_hasher.h"

namespace sspr::platform {

class ConcurrencyLimitedPasswordHasher final : public domain::PasswordHasher {
 public:
  // At most `max_concurrent` calls (at least 1; 0 is taken as 1) run at once.
  ConcurrencyLimitedPasswordHasher(const domain::PasswordHasher& inner, std::size_t max_concurrent);
  std::string hash(std::string_view secret) const override;
  bool verify(std::string_view secret, const std::string& hashed) const override;

  std::size_t max_concurrent() const { return max_concurrent_; }

  // What /metrics shows: the slots, the calls in them and waiting now, and since the start the
  // calls made (counted as they arrive) and the time they spent waiting for a slot.
  struct Usage {
    std::size_t slots = 0;
    std::size_t running = 0;
    std::size_t waiting = 0;
    std::uint64_t calls = 0;
    std::chrono::nanoseconds waited{0};
  };
  Usage usage() const;

 private:
  class Slot;
  // A caller waiting for a slot, on its own stack; `admitted` is set under mutex_ by the call
  // that hands it its slot.
  struct Waiter {
    std::condition_variable admitted_cv;
    bool admitted = false;
  };

  const domain::PasswordHasher& inner_;
  std::size_t max_concurrent_;
  mutable std::mutex mutex_;
  mutable std::size_t running_ = 0;      // slots held now
  mutable std::deque<Waiter*> waiting_;  // in arrival order
  mutable std::uint64_t calls_ = 0;
  mutable std::chrono::nanoseconds waited_{0};
};

// The default limit: one concurrent hash per core (std::thread::hardware_concurrency(), at
// least 1) when `configured` is 0, else `configured`.
std::size_t concurrent_hashes_or_cores(std::size_t configured);

}  // namespace sspr::platform
