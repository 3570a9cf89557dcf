#pragma once
// One prepared SQLite statement driven through SQLite's own API: values are bound and columns
// read straight into the caller's variables, with no per-execution objects in between. SqlQuery
// uses it on SQLite sessions, where SOCI's binding layer cost ~30 % of the server's memory
// allocations per request and converted every integer column to text and back
// (docs/PERFORMANCE.md, "Statements through SQLite's own API").
//
// The variables given to use() and into() must outlive the execution. Values are bound when
// run() starts (so a variable changed between use() and run() is bound as changed) and copied
// by SQLite; columns are read into the targets at each row. A NULL column sets the target's
// indicator to soci::i_null and leaves the target alone; without an indicator it throws, as
// SOCI does. Errors throw soci::sqlite3_soci_error with SQLite's message and result code;
// a run with more or fewer values than the statement has placeholders throws
// soci::soci_error (SQLite would take a missing one as NULL).

#include "store/soci_headers.h"

#include <string>
#include <vector>

namespace sqlite_api {
struct sqlite3;
struct sqlite3_stmt;
}  // namespace sqlite_api

namespace sspr::store {

class SqliteStatement {
 public:
  SqliteStatement(sqlite_api::sqlite3* connection, const std::string& sql);
  ~SqliteStatement();
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  using Bind = void (*)(SqliteStatement&, int position, const void* value);
  using Read = void (*)(SqliteStatement&, int column, void* target);

  void add_use(const void* value, const soci::indicator* indicator, Bind bind) {
    uses_.push_back({value, indicator, bind});
  }
  void add_into(void* target, soci::indicator* indicator, Read read) {
    intos_.push_back({target, indicator, read});
  }

  // Binds the uses, executes and reads the first row, if any, into the targets. Returns
  // whether there was a row.
  bool run();
  // Reads the next row into the targets; false when there is none.
  bool next();
  // Rows changed by the latest INSERT, UPDATE or DELETE on the connection.
  long long affected_rows() const;
  // Ready for the next run: the statement reset, its values and variables forgotten.
  void reset();

  // The typed halves of use() and into(); a type without one does not compile.
  void bind(int position, const std::string& value);
  void bind(int position, long long value);
  void bind(int position, int value);
  void bind(int position, double value);
  void read(int column, std::string& target);
  void read(int column, long long& target);
  void read(int column, int& target);
  void read(int column, double& target);

 private:
  struct Use {
    const void* value;
    const soci::indicator* indicator;
    Bind bind;
  };
  struct Into {
    void* target;
    soci::indicator* indicator;
    Read read;
  };

  bool step();
  [[noreturn]] void fail(int result) const;

  sqlite_api::sqlite3* connection_;
  sqlite_api::sqlite3_stmt* statement_ = nullptr;
  std::vector<Use> uses_;
  std::vector<Into> intos_;
};

}  // namespace sspr::store
