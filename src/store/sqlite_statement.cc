#include "store/sqlite_statement.h"

#include <soci/sqlite3/soci-sqlite3.h>  // declares the SQLite API in namespace sqlite_api

#include <cctype>
#include <limits>
#include <string>

namespace sspr::store {

using namespace sqlite_api;

SqliteStatement::SqliteStatement(sqlite3* connection, const std::string& sql)
    : connection_(connection) {
  const char* rest = nullptr;
  const int result = sqlite3_prepare_v3(connection_, sql.c_str(), static_cast<int>(sql.size() + 1),
                                        SQLITE_PREPARE_PERSISTENT, &statement_, &rest);
  if (result != SQLITE_OK) {
    sqlite3_finalize(statement_);
    statement_ = nullptr;
    fail(result);
  }
  if (statement_ == nullptr) throw soci::soci_error("empty SQL statement");
  // SQLite compiles only the first statement of a text; a second one would silently not run.
  for (; rest && *rest; ++rest) {
    if (!std::isspace(static_cast<unsigned char>(*rest)) && *rest != ';') {
      sqlite3_finalize(statement_);
      throw soci::soci_error("more than one SQL statement in one query");
    }
  }
}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(statement_); }

void SqliteStatement::fail(int result) const {
  throw soci::sqlite3_soci_error(std::string("sqlite3: ") + sqlite3_errmsg(connection_), result);
}

bool SqliteStatement::run() {
  // SQLite would run an unbound placeholder as NULL: a use() too few is a mistake, not a value.
  if (const auto placeholders = sqlite3_bind_parameter_count(statement_);
      static_cast<std::size_t>(placeholders) != uses_.size()) {
    throw soci::soci_error(std::to_string(uses_.size()) + " values for " +
                           std::to_string(placeholders) + " placeholders");
  }
  for (std::size_t i = 0; i < uses_.size(); ++i) {
    const auto& use = uses_[i];
    const int position = static_cast<int>(i) + 1;
    if (use.indicator && *use.indicator == soci::i_null) {
      if (const int result = sqlite3_bind_null(statement_, position); result != SQLITE_OK) {
        fail(result);
      }
    } else {
      use.bind(*this, position, use.value);
    }
  }
  return step();
}

bool SqliteStatement::next() { return step(); }

bool SqliteStatement::step() {
  const int result = sqlite3_step(statement_);
  if (result == SQLITE_DONE) return false;
  if (result != SQLITE_ROW) fail(result);
  for (std::size_t i = 0; i < intos_.size(); ++i) {
    const auto& into = intos_[i];
    const int column = static_cast<int>(i);
    if (sqlite3_column_type(statement_, column) == SQLITE_NULL) {
      if (!into.indicator) throw soci::soci_error("Null value fetched and no indicator defined.");
      *into.indicator = soci::i_null;
      continue;
    }
    into.read(*this, column, into.target);
    if (into.indicator) *into.indicator = soci::i_ok;
  }
  return true;
}

long long SqliteStatement::affected_rows() const { return sqlite3_changes(connection_); }

void SqliteStatement::reset() {
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
  uses_.clear();
  intos_.clear();
}

void SqliteStatement::bind(int position, const std::string& value) {
  const int result = sqlite3_bind_text(statement_, position, value.data(),
                                       static_cast<int>(value.size()), SQLITE_TRANSIENT);
  if (result != SQLITE_OK) fail(result);
}

void SqliteStatement::bind(int position, long long value) {
  if (const int result = sqlite3_bind_int64(statement_, position, value); result != SQLITE_OK) {
    fail(result);
  }
}

void SqliteStatement::bind(int position, int value) {
  bind(position, static_cast<long long>(value));
}

void SqliteStatement::bind(int position, double value) {
  if (const int result = sqlite3_bind_double(statement_, position, value); result != SQLITE_OK) {
    fail(result);
  }
}

void SqliteStatement::read(int column, std::string& target) {
  const auto* text = sqlite3_column_text(statement_, column);
  const int size = sqlite3_column_bytes(statement_, column);
  if (text == nullptr) {  // an empty BLOB; or out of memory, which sqlite3_errcode() tells
    if (sqlite3_errcode(connection_) == SQLITE_NOMEM) fail(SQLITE_NOMEM);
    target.clear();
    return;
  }
  target.assign(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size));
}

void SqliteStatement::read(int column, long long& target) {
  target = sqlite3_column_int64(statement_, column);
}

void SqliteStatement::read(int column, int& target) {
  const long long value = sqlite3_column_int64(statement_, column);
  if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max()) {
    throw soci::soci_error("an integer column does not fit an int");
  }
  target = static_cast<int>(value);
}

void SqliteStatement::read(int column, double& target) {
  target = sqlite3_column_double(statement_, column);
}

}  // namespace sspr::store
