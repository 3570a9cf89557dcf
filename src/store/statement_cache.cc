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
  auto* connection = static_cast<soci::sqlite3_session_backend*>(session.get_backend())->conn_;
  std::lock_guard lock(registry_mutex);
  registry().try_emplace(&session, std::make_unique<StatementCache>(connection));
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
  // ~SqliteStatement finalises each statement.
}

StatementCache* StatementCache::of(soci::session& session) {
  std::lock_guard lock(registry_mutex);
  auto found = registry().find(&session);
  return found == registry().end() ? nullptr : found->second.get();
}

SqliteStatement* StatementCache::acquire(const std::string& sql) {
  auto found = entries_.find(sql);
  if (found == entries_.end()) {
    if (entries_.size() >= kMaxStatementsPerSession) return nullptr;
    found = entries_.emplace(sql, std::make_unique<Entry>(connection_, sql)).first;
  }
  if (found->second->in_use) return nullptr;
  found->second->in_use = true;
  return &found->second->statement;
}

void StatementCache::release(const std::string& sql, SqliteStatement& statement) {
  auto found = entries_.find(sql);
  if (found == entries_.end() || &found->second->statement != &statement) return;
  statement.reset();
  found->second->in_use = false;
}

}  // namespace sspr::store
