#pragma once
// Small pieces shared by the migration runner and the store: how a transaction starts on each
// backend, and how a database exception becomes a one-line message without secrets.

#include <exception>
#include <string>

#include "store/sql_backend.h"

namespace sspr::store {

// SQLite starts write transactions at once (BEGIN IMMEDIATE), so two connections never both
// hold a read lock and then deadlock upgrading it; the busy timeout makes the second wait.
const char* begin_transaction_sql(SqlBackend backend);

// A read-only transaction: SQLite's deferred BEGIN (a read snapshot taken at the first read,
// no write lock; the session itself is query_only), PostgreSQL's READ ONLY.
const char* begin_read_transaction_sql(SqlBackend backend);

// The database's own message (first line, at most 300 characters) without the statement
// text or bound values, which could hold a hash or a personal detail.
std::string describe_database_error(const std::exception& error);

}  // namespace sspr::store
