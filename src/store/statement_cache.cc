#include "store/statement_cache.h"

#include <soci/sqlite3/soci-sqlite3.h>  // declares the SQLite API in namespace sqlite_api

#include <mutex>

namespace sspr::store {
namespace {

// At most this many statements per session: the store's SQL is a fixed set of texts, but a
// query built with a variable number of placeholders must not grow the cache without end.
constexpr std::size_t kMaxStatementsPerSession = 512;

std::mutex registry_mutex;
std::unordered_map<const soci::session*, std::unique_ptr<StatementCache>>& registry() {
  static std::unordered_map<const soci::session*, std::unique_ptr<StatementCache>> sessions;
  return sessions;
}

}  // namespace

void StatementCache::enable(soci::session& session) {
  std::lock_guard lock(registry_mutex);
  registry().try_emplace(&session, std::make_unique<StatementCache>());
}

void StatementCache::disable(soci::session& session) {
  std::unique_ptr<StatementCache> dropped;
  {
    std::lock_guard lock(registry_mutex);
    auto found = registry().find(&session);
    if (found == registry().end()) return;
    dropped = std::move(found->second);
    registry().erase(found);
  }
  // ~soci::statement finalises each statement.
}

StatementCache* StatementCache::of(soci::session& session) {
  std::lock_guard lock(registry_mutex);
  auto found = registry().find(&session);
  return found == registry().end() ? nullptr : found->second.get();
}

soci::statement* StatementCache::acquire(const std::string& sql) {
  auto found = entries_.find(sql);
  if (found == entries_.end() || found->second->in_use) return nullptr;
  found->second->in_use = true;
  return &found->second->statement;
}

soci::statement* StatementCache::adopt(const std::string& sql, soci::statement statement) {
  if (entries_.size() >= kMaxStatementsPerSession || entries_.count(sql) != 0) return nullptr;
  auto entry = std::make_unique<Entry>(std::move(statement));
  entry->in_use = true;
  auto* kept = &entry->statement;
  entries_.emplace(sql, std::move(entry));
  return kept;
}

void StatementCache::release(const std::string& sql, soci::statement& statement) {
  auto found = entries_.find(sql);
  if (found == entries_.end() || &found->second->statement != &statement) return;
  try {
    statement.bind_clean_up();
    // Only SQLite sessions are registered (SociStore::open), so the backend is SQLite's.
    if (auto* backend = static_cast<soci::sqlite3_statement_backend*>(statement.get_backend());
        backend && backend->stmt_) {
      sqlite_api::sqlite3_reset(backend->stmt_);
      sqlite_api::sqlite3_clear_bindings(backend->stmt_);
      found->second->in_use = false;
      return;
    }
  } catch (...) {
  }
  entries_.erase(found);  // not reusable: prepared again next time
}

}  // namespace sspr::store
