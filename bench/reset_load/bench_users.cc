#include "bench_users.h"

#include <cstdio>

namespace sspr::bench {

std::vector<BenchUser> make_bench_users(const std::string& domain, std::size_t count) {
  std::vector<BenchUser> users;
  users.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    char number[16];
    std::snprintf(number, sizeof number, "%06zu", i % 1'000'000);
    // Danish mobile numbers (+45 2x xx xx xx): eight digits, a million distinct ones.
    users.push_back({"u" + std::string(number) + "@" + domain,
                     "u" + std::string(number) + ".alt@example.org",
                     "+4520" + std::string(number)});
  }
  return users;
}

UserPool::UserPool(const std::vector<BenchUser>& users, std::size_t max_uses)
    : users_(users), max_uses_(max_uses) {}

const BenchUser* UserPool::next() {
  if (users_.empty() || next_ >= users_.size() * max_uses_) return nullptr;
  return &users_[next_++ % users_.size()];
}

}  // namespace sspr::bench
