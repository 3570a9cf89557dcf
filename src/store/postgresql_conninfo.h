#pragma once
// SOCI's PostgreSQL backend reads its connect string as libpq "key=value" pairs (it picks out
// its own options), so a postgresql:// URL is first turned into that form with libpq's own
// parser. Unless the input sets them, connect_timeout=5 (seconds) and tcp_user_timeout=30000
// (ms) are added, so an unreachable database fails requests instead of hanging them.

#include <string>

#include "domain/result.h"

namespace sspr::store {

// "postgresql://user:pw@host:port/db?opt=v" (or postgres://, or key=value text) -> the
// equivalent "user='user' password='pw' host='host' ..." string. Errors (BadInput) when libpq
// cannot parse it; the message never repeats the input, which may hold a password.
domain::Result<std::string> postgresql_conninfo(const std::string& url);

}  // namespace sspr::store
