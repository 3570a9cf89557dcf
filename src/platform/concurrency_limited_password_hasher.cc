#include "platform/concurrency_limited_password_hasher.h"

#include <algorithm>
#include <thread>

#include "platform/fiber.h"

namespace sspr::platform {
namespace {

std::size_t at_least_one(std::size_t count) { return std::max<std::size_t>(count, 1); }

}  // namespace

// Holds one slot for its lifetime, so an exception from the wrapped hasher gives it back too.
// A caller takes a free slot only when nobody is waiting (else it would overtake them); a
// leaving caller hands its slot to the first waiter instead of freeing it, so `running_` never
// drops below the limit while anyone waits.
class ConcurrencyLimitedPasswordHasher::Slot {
 public:
  explicit Slot(const ConcurrencyLimitedPasswordHasher& owner) : owner_(owner) {
    std::unique_lock lock(owner_.mutex_);
    ++owner_.calls_;
    if (owner_.waiting_.empty() && owner_.running_ < owner_.max_concurrent_) {
      ++owner_.running_;
      return;
    }
    const auto since = std::chrono::steady_clock::now();
    Waiter self;
    owner_.waiting_.push_back(&self);
    self.admitted_cv.wait(lock, [&] { return self.admitted; });
    owner_.waited_ += std::chrono::steady_clock::now() - since;
  }
  ~Slot() {
    std::lock_guard lock(owner_.mutex_);
    if (owner_.waiting_.empty()) {
      --owner_.running_;
      return;
    }
    Waiter* next = owner_.waiting_.front();
    owner_.waiting_.pop_front();
    next->admitted = true;
    // Notified under the lock: once it is released the waiter may return and its Waiter, on
    // its stack, be gone.
    next->admitted_cv.notify_one();
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
  return fibers::offload([&] {
    Slot slot(*this);
    return inner_.hash(secret);
  });
}

bool ConcurrencyLimitedPasswordHasher::verify(std::string_view secret,
                                              const std::string& hashed) const {
  return fibers::offload([&] {
    Slot slot(*this);
    return inner_.verify(secret, hashed);
  });
}

ConcurrencyLimitedPasswordHasher::Usage ConcurrencyLimitedPasswordHasher::usage() const {
  std::lock_guard lock(mutex_);
  return {max_concurrent_, running_, waiting_.size(), calls_, waited_};
}

std::size_t concurrent_hashes_or_cores(std::size_t configured) {
  if (configured != 0) return configured;
  return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace sspr::platform
