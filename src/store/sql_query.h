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
// (SociStore's SQLite sessions) the prepared statement is reused by the next query with the
// same SQL text.

#include "store/soci_headers.h"

#include <optional>
#include <string>
#include <utility>

#include "store/statement_cache.h"

namespace sspr::store {

class SqlQuery {
 public:
  SqlQuery(soci::session& session, std::string sql)
      : sql_(std::move(sql)), cache_(StatementCache::of(session)) {
    if (cache_) statement_ = cache_->acquire(sql_);
    if (statement_) {
      cached_ = true;
      return;
    }
    own_.emplace(session);
    statement_ = &*own_;
  }
  ~SqlQuery() {
    if (cached_) cache_->release(sql_, *statement_);
  }
  SqlQuery(const SqlQuery&) = delete;
  SqlQuery& operator=(const SqlQuery&) = delete;

  template <typename T>
  SqlQuery& into(T& target) {
    statement_->exchange(soci::into(target));
    return *this;
  }
  template <typename T>
  SqlQuery& into(T& target, soci::indicator& indicator) {
    statement_->exchange(soci::into(target, indicator));
    return *this;
  }
  template <typename T>
  SqlQuery& use(const T& value) {
    statement_->exchange(soci::use(value));
    return *this;
  }
  template <typename T>
  SqlQuery& use(const T& value, soci::indicator& indicator) {
    statement_->exchange(soci::use(value, indicator));
    return *this;
  }

  // Executes; for a query, fetches the first row into the targets. Returns whether it did.
  bool run() {
    if (!cached_) {
      statement_->alloc();
      statement_->prepare(sql_);
      if (cache_) {
        if (auto* kept = cache_->adopt(sql_, *own_)) {
          statement_ = kept;  // the same statement (SOCI statements share their state)
          cached_ = true;
        }
      }
    }
    statement_->define_and_bind();
    return statement_->execute(true);
  }
  // Fetches the next row; false when there is none.
  bool next() { return statement_->fetch(); }
  long long affected_rows() { return statement_->get_affected_rows(); }

 private:
  std::string sql_;
  StatementCache* cache_ = nullptr;
  std::optional<soci::statement> own_;
  soci::statement* statement_ = nullptr;
  bool cached_ = false;  // statement_ belongs to cache_ and goes back to it
};

}  // namespace sspr::store
