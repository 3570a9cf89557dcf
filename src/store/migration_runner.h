#pragma once
// Brings a database schema up to date with numbered migrations, forward only. Each file runs
// in its own transaction and is recorded in schema_migrations(version, name, applied_at).
// Safe when several processes start at once: on PostgreSQL every migration transaction first
// takes a transaction-scoped advisory lock; on SQLite it starts with BEGIN IMMEDIATE.

#include "store/soci_headers.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/result.h"
#include "store/sql_backend.h"

namespace sspr::store {

struct Migration {
  int version = 0;  // the leading digits of the file name
  std::string name;
  std::string sql;
};

// Parses (file name, content) pairs; errors when a name does not start with a version number
// or two files share a version.
domain::Result<std::vector<Migration>> parse_migrations(
    const std::vector<std::pair<std::string_view, std::string_view>>& files);

// The statements of one migration file for `backend`: whole-line '--' comments dropped,
// split at ';' ending a line, {{ID}} replaced by the backend's auto-increment primary key.
std::vector<std::string> migration_statements(std::string_view sql, SqlBackend backend);

// Applies every migration newer than the database's version. Errors (StoreUnavailable) when
// a statement fails or when the database is at a version newer than any of `migrations`.
// Throws nothing. `now` is recorded as applied_at.
domain::Status migrate(soci::session& session, SqlBackend backend,
                       const std::vector<Migration>& migrations, const std::string& now);

}  // namespace sspr::store
