#include "platform/concurrency_limited_password_hasher.h"

#include <algorithm>
#include <thread>

namespace sspr::platform {
namespace {

// Holds one slot of the semaphore for its lifetime, so an exception from the wrapped hasher
// gives the slot back too.
class Slot {
 public:
  explicit Slot(std::counting_semaphore<>& slots) : slots_(slots) { slots_.acquire(); }
  ~Slot() { slots_.release(); }
  Slot(const Slot&) = delete;
  Slot& operator=(const Slot&) = delete;

 private:
  std::counting_semaphore<>& slots_;
};

std::size_t at_least_one(std::size_t count) {
  return std::clamp<std::size_t>(count, 1,
                                 static_cast<std::size_t>(std::counting_semaphore<>::max()));
}

}  // namespace

ConcurrencyLimitedPasswordHasher::ConcurrencyLimitedPasswordHasher(
    const domain::PasswordHasher& inner, std::size_t max_concurrent)
    : inner_(inner),
      max_concurrent_(at_least_one(max_concurrent)),
      slots_(static_cast<std::ptrdiff_t>(max_concurrent_)) {}

std::string ConcurrencyLimitedPasswordHasher::hash(std::string_view secret) const {
  Slot slot(slots_);
  return inner_.hash(secret);
}

bool ConcurrencyLimitedPasswordHasher::verify(std::string_view secret,
                                              const std::string& hashed) const {
  Slot slot(slots_);
  return inner_.verify(secret, hashed);
}

std::size_t concurrent_hashes_or_cores(std::size_t configured) {
  if (configured != 0) return configured;
  return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace sspr::platform
