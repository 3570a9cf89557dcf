#pragma once
// One SQL statement with its bound values and result columns, built step by step so a query
// can bind as many values as it needs:
//
//   long long id; std::string name;
//   SqlQuery q(session, "SELECT id, name FROM tenants WHERE id = :id");
//   q.into(id).into(name).use(wanted);
//   for (bool row = q.run(); row; row = q.next()) { ... }
//
// Bound variables must outlive the query. Placeholders are bound in order of appearance (a
// name used twice needs two use() calls and two distinct names). Throws soci::soci_error;
// SociStore::transact turns that into StoreUnavailable. On sessions with a StatementCache
// (SociStore's SQLite sessions) the statement is SQLite's own (store/sqlite_statement.h), and
// the prepared statement is reused by the next query with the same SQL text; elsewhere
// (PostgreSQL) it is SOCI's. The types a query may bind or read are those both support.

#include "store/soci_headers.h"

#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "store/sqlite_statement.h"
#include "store/statement_cache.h"

namespace sspr::store {

class SqlQuery {
 public:
  SqlQuery(soci::session& session, std::string sql) : sql_(std::move(sql)) {
    if (auto* cache = StatementCache::of(session)) {
      cached_ = cache->acquire(sql_);
      if (cached_) {
        native_ = &cached_->statement;
        return;
      }
      own_native_ = std::make_unique<SqliteStatement>(cache->connection(), sql_);
      native_ = own_native_.get();
      return;
    }
    own_.emplace(session);
    statement_ = &*own_;
  }
  ~SqlQuery() {
    if (cached_) StatementCache::release(*cached_);
  }
  SqlQuery(const SqlQuery&) = delete;
  SqlQuery& operator=(const SqlQuery&) = delete;

  template <typename T>
  SqlQuery& into(T& target) {
    if (native_) {
      native_->add_into(&target, nullptr, &read_as<T>);
    } else {
      statement_->exchange(soci::into(target));
    }
    return *this;
  }
  template <typename T>
  SqlQuery& into(T& target, soci::indicator& indicator) {
    if (native_) {
      native_->add_into(&target, &indicator, &read_as<T>);
    } else {
      statement_->exchange(soci::into(target, indicator));
    }
    return *this;
  }
  template <typename T>
  SqlQuery& use(const T& value) {
    if (native_) {
      native_->add_use(&value, nullptr, &bind_as<T>);
    } else {
      statement_->exchange(soci::use(value));
    }
    return *this;
  }
  template <typename T>
  SqlQuery& use(const T& value, soci::indicator& indicator) {
    if (native_) {
      native_->add_use(&value, &indicator, &bind_as<T>);
    } else {
      statement_->exchange(soci::use(value, indicator));
    }
    return *this;
  }

  // Executes; for a query, fetches the first row into the targets. Returns whether it did.
  bool run() {
    if (native_) return native_->run();
    statement_->alloc();
    statement_->prepare(sql_);
    statement_->define_and_bind();
    return statement_->execute(true);
  }
  // Fetches the next row; false when there is none.
  bool next() { return native_ ? native_->next() : statement_->fetch(); }
  long long affected_rows() {
    return native_ ? native_->affected_rows() : statement_->get_affected_rows();
  }

 private:
  template <typename T>
  static void read_as(SqliteStatement& statement, int column, void* target) {
    statement.read(column, *static_cast<T*>(target));
  }
  template <typename T>
  static void bind_as(SqliteStatement& statement, int position, const void* value) {
    statement.bind(position, *static_cast<const T*>(value));
  }

  std::string sql_;
  StatementCache::Entry* cached_ = nullptr;      // SQLite: the cache's statement, held
  SqliteStatement* native_ = nullptr;            // SQLite: the cached one, or own_native_
  std::unique_ptr<SqliteStatement> own_native_;  // SQLite, while the cached one is in use
  std::optional<soci::statement> own_;           // other backends: SOCI's
  soci::statement* statement_ = nullptr;
};

}  // namespace sspr::store
