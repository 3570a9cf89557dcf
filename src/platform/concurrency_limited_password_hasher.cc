#include "platform/concurrency_limited_password_hasher.h"

#include <algorithm>
#include <thread>

namespace sspr::platform {
namespace {

std::size_t at_least_one(std::size_t count) { return std::max<std::size_t>(count, 1); }

}  // namespace

// Holds one slot for its lifetime, so an exception from the wrapped hasher gives it back too.
// Ticket t may run once fewer than max_concurrent_ of the tickets before it are unfinished,
// i.e. t < finished_ + max_concurrent_: tickets are admitted in the order they were taken.
class ConcurrencyLimitedPasswordHasher::Slot {
 public:
  explicit Slot(const ConcurrencyLimitedPasswordHasher& owner) : owner_(owner) {
    std::unique_lock lock(owner_.mutex_);
    const std::uint64_t ticket = owner_.next_ticket_++;
    owner_.slot_freed_.wait(lock,
                            [&] { return ticket < owner_.finished_ + owner_.max_concurrent_; });
  }
  ~Slot() {
    {
      std::lock_guard lock(owner_.mutex_);
      ++owner_.finished_;
    }
    owner_.slot_freed_.notify_all();
  }
  Slot(const Slot&) = delete;
  Slot& operator=(const Slot&) = delete;

 private:
  const ConcurrencyLimitedPasswordHasher& owner_;
};

ConcurrencyLimitedPasswordHasher::ConcurrencyLimitedPasswordHasher(
    const domain::PasswordHasher& inner, std::size_t max_concurrent)
    : inner_(inner), max_concurrent_(at_least_one(max_concurrent)) {}

std::string ConcurrencyLimitedPasswordHasher::hash(std::string_view secret) const {
  Slot slot(*this);
  return inner_.hash(secret);
}

bool ConcurrencyLimitedPasswordHasher::verify(std::string_view secret,
                                              const std::string& hashed) const {
  Slot slot(*this);
  return inner_.verify(secret, hashed);
}

std::size_t ConcurrencyLimitedPasswordHasher::waiting() const {
  std::lock_guard lock(mutex_);
  const std::uint64_t running_or_waiting = next_ticket_ - finished_;
  return running_or_waiting > max_concurrent_ ? running_or_waiting - max_concurrent_ : 0;
}

std::size_t concurrent_hashes_or_cores(std::size_t configured) {
  if (configured != 0) return configured;
  return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace sspr::platform
