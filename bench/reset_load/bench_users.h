#pragma once
// The users the generator resets: u<i>@<domain>, each with its own alternate email and
// mobile number (so a code in the outbox is found by its recipient), handed out round robin
// with a cap on how often each is used, so SPEC §7's per-account limits never trip.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace sspr::bench {

struct BenchUser {
  std::string upn;
  std::string email;   // alternate email, pre-populated by the administrator
  std::string mobile;  // E.164, pre-populated by the administrator
};

std::vector<BenchUser> make_bench_users(const std::string& domain, std::size_t count);

class UserPool {
 public:
  // `max_uses`: flows per user over the whole run (SPEC §7 allows 5 reset attempts and 5
  // phone verifications an hour; a completed reset clears them, an abandoned flow does not).
  UserPool(const std::vector<BenchUser>& users, std::size_t max_uses);
  // The next user, or nullopt when every user has had its `max_uses` flows.
  const BenchUser* next();
  std::size_t handed_out() const { return next_; }

 private:
  const std::vector<BenchUser>& users_;
  std::size_t max_uses_;
  std::size_t next_ = 0;
};

}  // namespace sspr::bench
