#pragma once
// Prepared statements kept per SQLite session, keyed by their SQL text, so a statement is
// parsed and compiled once per session instead of on every call (that was a third of the
// server's CPU under load: docs/PERFORMANCE.md "Reset flow under load"). Only sessions that
// SociStore registers take part; a statement in use (e.g. a loop over rows that runs the same
// SQL inside) is not handed out twice: the second SqlQuery prepares its own.
//
// A session is used by one thread at a time (SociStore leases it), so a session's statements
// need no lock; only the registry of sessions has one.

#include "store/soci_headers.h"

#include <memory>
#include <string>
#include <unordered_map>

namespace sspr::store {

class StatementCache {
 public:
  // Starts / stops caching for `session`. Stop before the session closes: it finalises the
  // statements (SQLite will not close a connection that still has some).
  static void enable(soci::session& session);
  static void disable(soci::session& session);

  // The cache of `session`, or nullptr when it does not take part.
  static StatementCache* of(soci::session& session);

  // A prepared, unused statement for `sql`, marked in use; nullptr when there is none yet
  // or it is in use.
  soci::statement* acquire(const std::string& sql);
  // Keeps `statement` (prepared for `sql`, in use) for reuse when there is no entry yet.
  // Returns it, or nullptr when the cache did not take it.
  soci::statement* adopt(const std::string& sql, soci::statement statement);
  // Puts a statement from acquire/adopt back: its bindings are dropped and it is reset.
  void release(const std::string& sql, soci::statement& statement);

 private:
  struct Entry {
    explicit Entry(soci::statement s) : statement(std::move(s)) {}
    soci::statement statement;
    bool in_use = false;
  };
  std::unordered_map<std::string, std::unique_ptr<Entry>> entries_;
};

}  // namespace sspr::store
