#pragma once
// Seeds the benchmark tenant through the admin API (bearer token of a global administrator):
// the SSPR policy (everyone, two gates: email and mobile phone), the users (no password, so
// nothing is hashed while seeding), a licence each, and their alternate email and mobile
// number through the bulk CSV import, as an administrator pre-populating them would.

#include <optional>
#include <string>
#include <vector>

#include <asio.hpp>

#include "bench_users.h"

namespace sspr::bench {

// nullopt on success, otherwise what failed.
asio::awaitable<std::optional<std::string>> seed_tenant(asio::ip::tcp::endpoint server,
                                                        std::string token,
                                                        const std::vector<BenchUser>& users,
                                                        std::size_t connections);

}  // namespace sspr::bench
