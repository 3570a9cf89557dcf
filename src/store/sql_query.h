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
// SociStore::transact turns that into StoreUnavailable.

#include "store/soci_headers.h"

#include <string>
#include <utility>

namespace sspr::store {

class SqlQuery {
 public:
  SqlQuery(soci::session& session, std::string sql) : statement_(session), sql_(std::move(sql)) {}

  template <typename T>
  SqlQuery& into(T& target) {
    statement_.exchange(soci::into(target));
    return *this;
  }
  template <typename T>
  SqlQuery& into(T& target, soci::indicator& indicator) {
    statement_.exchange(soci::into(target, indicator));
    return *this;
  }
  template <typename T>
  SqlQuery& use(const T& value) {
    statement_.exchange(soci::use(value));
    return *this;
  }
  template <typename T>
  SqlQuery& use(const T& value, soci::indicator& indicator) {
    statement_.exchange(soci::use(value, indicator));
    return *this;
  }

  // Executes; for a query, fetches the first row into the targets. Returns whether it did.
  bool run() {
    statement_.alloc();
    statement_.prepare(sql_);
    statement_.define_and_bind();
    return statement_.execute(true);
  }
  // Fetches the next row; false when there is none.
  bool next() { return statement_.fetch(); }
  long long affected_rows() { return statement_.get_affected_rows(); }

 private:
  soci::statement statement_;
  std::string sql_;
};

}  // namespace sspr::store
