#pragma once
// Prepared statements kept per SQLite session, keyed by their SQL text, so a statement is
// parsed and compiled once per session instead of on every call (that was a third of the
// server's CPU under load: docs/PERFORMANCE.md "Reset flow under load"). Only sessions that
// SociStore registers take part; a statement in use (e.g. a loop over rows that runs the same
// SQL inside) is not handed out twice: the second SqlQuery prepares its own. The statements
// are SQLite's own (store/sqlite_statement.h), on the session's connection.
//
// A session is used by one thread at a time (SociStore leases it), so a session's statements
// need no lock; only the registry of sessions has one (and each thread remembers its last
// look-up in it).

#include "store/soci_headers.h"

#include <memory>
#include <string>
#include <unordered_map>

#include "store/sqlite_statement.h"

namespace sspr::store {

class StatementCache {
 public:
  explicit StatementCache(sqlite_api::sqlite3* connection) : connection_(connection) {}

  // Starts / stops caching for `session` (an open SQLite session). Stop before the session
  // closes: it finalises the statements (SQLite will not close a connection that still has
  // some).
  static void enable(soci::session& session);
  static void disable(soci::session& session);

  // The cache of `session`, or nullptr when it does not take part.
  static StatementCache* of(soci::session& session);

  // The session's connection, for statements prepared outside the cache.
  sqlite_api::sqlite3* connection() const { return connection_; }

  // A kept statement and whether a query holds it.
  struct Entry {
    Entry(sqlite_api::sqlite3* connection, const std::string& sql) : statement(connection, sql) {}
    SqliteStatement statement;
    bool in_use = false;
  };

  // A prepared, unused statement for `sql`, marked in use (prepared and kept now if there was
  // none yet and there is room); nullptr when it is in use or there is no room. Throws
  // soci::soci_error when `sql` does not prepare.
  Entry* acquire(const std::string& sql);
  // Puts an entry from acquire() back, its statement reset for its next use.
  static void release(Entry& entry);

 private:
  sqlite_api::sqlite3* connection_;
  std::unordered_map<std::string, std::unique_ptr<Entry>> entries_;
};

}  // namespace sspr::store
