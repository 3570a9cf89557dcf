#pragma once
// The two database engines SociStore speaks to. The SQL is the same for both; the few
// differences (auto ids in migrations, transaction start, session settings) switch on this.

#include <string_view>

namespace sspr::store {

enum class SqlBackend { kSqlite, kPostgresql };

inline std::string_view to_string(SqlBackend backend) {
  return backend == SqlBackend::kSqlite ? "sqlite" : "postgresql";
}

}  // namespace sspr::store
