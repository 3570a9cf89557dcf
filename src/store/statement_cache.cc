#include "store/statement_cache.h"

#include <soci/sqlite3/soci-sqlite3.h>  // declares the SQLite API in namespace sqlite_api

#include <atomic>
#include <cstdint>
#include <mutex>

namespace sspr::store {
namespace {

// At most this many statements per session: the store's SQL is a fixed set of texts, but a
// query built with a variable number of placeholders must not grow the cache without end.
constexpr std::size_t kMaxStatementsPerSession = 512;

std::mutex registry_mutex;
// Bumped by every enable and disable: a thread's remembered look-up (in of()) is good while
// it has not changed, so a session opened where a closed one was is never taken for it.
std::atomic<std::uint64_t> registry_generation{0};
std::unordered_map<const soci::session*, std::unique_ptr<StatementCache>>& registry() {
  static std::unordered_map<const soci::session*, std::unique_ptr<StatementCache>> sessions;
  return sessions;
}

}  // namespace

void StatementCache::enable(soci::session& session) {
  auto* connection = static_cast<soci::sqlite3_session_backend*>(session.get_backend())->conn_;
  std::lock_guard lock(registry_mutex);
  registry().try_emplace(&session, std::make_unique<StatementCache>(connection));
  registry_generation.fetch_add(1, std::memory_order_release);
}

void StatementCache::disable(soci::session& session) {
  std::unique_ptr<StatementCache> dropped;
  {
    std::lock_guard lock(registry_mutex);
    auto found = registry().find(&session);
    if (found == registry().end()) return;
    dropped = std::move(found->second);
    registry().erase(found);
    registry_generation.fetch_add(1, std::memory_order_release);
  }
  // ~SqliteStatement finalises each statement.
}

StatementCache* StatementCache::of(soci::session& session) {
  // Every query asks, and a transaction's queries ask about one session: each thread remembers
  // its last answer instead of taking the process-wide lock each time. (A session is disabled
  // only when nothing uses it any more.)
  struct Remembered {
    std::uint64_t generation = ~std::uint64_t{0};
    const soci::session* session = nullptr;
    StatementCache* cache = nullptr;
  };
  thread_local Remembered last;
  if (last.session == &session &&
      last.generation == registry_generation.load(std::memory_order_acquire)) {
    return last.cache;
  }
  std::lock_guard lock(registry_mutex);
  auto found = registry().find(&session);
  last = {registry_generation.load(std::memory_order_relaxed), &session,
          found == registry().end() ? nullptr : found->second.get()};
  return last.cache;
}

StatementCache::Entry* StatementCache::acquire(const std::string& sql) {
  auto found = entries_.find(sql);
  if (found == entries_.end()) {
    if (entries_.size() >= kMaxStatementsPerSession) return nullptr;
    found = entries_.emplace(sql, std::make_unique<Entry>(connection_, sql)).first;
  }
  if (found->second->in_use) return nullptr;
  found->second->in_use = true;
  return found->second.get();
}

void StatementCache::release(Entry& entry) {
  entry.statement.reset();
  entry.in_use = false;
}

}  // namespace sspr::store
