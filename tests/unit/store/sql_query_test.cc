#include "store/sql_query.h"

#include <gtest/gtest.h>

#include <string>

#include <soci/sqlite3/soci-sqlite3.h>

#include "store/statement_cache.h"

namespace sspr::store {
namespace {

// SqlQuery on an SQLite session with a statement cache: SQLite's own statements
// (store/sqlite_statement.h), as on every SociStore SQLite session.
class SqlQueryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    session_.open(soci::sqlite3, "db=:memory:");
    StatementCache::enable(session_);
    SqlQuery(session_, "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, ratio REAL, n INTEGER)")
        .run();
  }
  void TearDown() override { StatementCache::disable(session_); }

  void insert(long long id, const std::string& name, double ratio, int n) {
    SqlQuery q(session_, "INSERT INTO t (id, name, ratio, n) VALUES (:id, :name, :ratio, :n)");
    q.use(id).use(name).use(ratio).use(n).run();
  }

  soci::session session_;
};

TEST_F(SqlQueryTest, EveryTypeRoundTrips) {
  insert(1, "Ærø – 日本", 0.25, -7);
  long long id = 0;
  std::string name;
  double ratio = 0;
  int n = 0;
  SqlQuery q(session_, "SELECT id, name, ratio, n FROM t WHERE id = :id");
  const long long wanted = 1;
  ASSERT_TRUE(q.into(id).into(name).into(ratio).into(n).use(wanted).run());
  EXPECT_EQ(id, 1);
  EXPECT_EQ(name, "Ærø – 日本");
  EXPECT_DOUBLE_EQ(ratio, 0.25);
  EXPECT_EQ(n, -7);
  EXPECT_FALSE(q.next());
}

TEST_F(SqlQueryTest, NoRowLeavesTheTargetsAlone) {
  std::string name = "untouched";
  const long long wanted = 42;
  EXPECT_FALSE(
      SqlQuery(session_, "SELECT name FROM t WHERE id = :id").into(name).use(wanted).run());
  EXPECT_EQ(name, "untouched");
}

TEST_F(SqlQueryTest, NullNeedsAnIndicatorAndIsBoundThroughOne) {
  std::string absent = "ignored";
  soci::indicator null = soci::i_null;
  const long long id = 2;
  SqlQuery(session_, "INSERT INTO t (id, name) VALUES (:id, :name)")
      .use(id)
      .use(absent, null)
      .run();

  std::string name = "before";
  soci::indicator indicator = soci::i_ok;
  ASSERT_TRUE(
      SqlQuery(session_, "SELECT name FROM t WHERE id = :id").into(name, indicator).use(id).run());
  EXPECT_EQ(indicator, soci::i_null);
  EXPECT_EQ(name, "before");
  EXPECT_THROW(SqlQuery(session_, "SELECT name FROM t WHERE id = :id").into(name).use(id).run(),
               soci::soci_error);
  // The cached statement was put back in order after the failure: it answers again.
  insert(3, "three", 1, 3);
  const long long three = 3;
  ASSERT_TRUE(SqlQuery(session_, "SELECT name FROM t WHERE id = :id")
                  .into(name, indicator)
                  .use(three)
                  .run());
  EXPECT_EQ(indicator, soci::i_ok);
  EXPECT_EQ(name, "three");
}

TEST_F(SqlQueryTest, RowsOneAfterAnotherAndAffectedRows) {
  for (int i = 1; i <= 3; ++i) insert(i, "n" + std::to_string(i), i, i);
  std::string names;
  std::string name;
  SqlQuery q(session_, "SELECT name FROM t ORDER BY id");
  for (bool row = q.into(name).run(); row; row = q.next()) names += name + ",";
  EXPECT_EQ(names, "n1,n2,n3,");

  const int at_least = 2;
  SqlQuery update(session_, "UPDATE t SET ratio = 0 WHERE n >= :n");
  update.use(at_least).run();
  EXPECT_EQ(update.affected_rows(), 2);
}

TEST_F(SqlQueryTest, AValueIsBoundAsItIsWhenTheQueryRuns) {
  insert(1, "one", 1, 1);
  long long id = 99;
  std::string name;
  SqlQuery q(session_, "SELECT name FROM t WHERE id = :id");
  q.into(name).use(id);
  id = 1;
  ASSERT_TRUE(q.run());
  EXPECT_EQ(name, "one");
}

TEST_F(SqlQueryTest, AStatementInUseIsNotHandedOutTwiceAndIsReusedAfterwards) {
  for (int i = 1; i <= 2; ++i) insert(i, "n" + std::to_string(i), i, i);
  const std::string sql = "SELECT id FROM t WHERE id >= :id ORDER BY id";
  long long outer_id = 0;
  long long inner_id = 0;
  int pairs = 0;
  {
    SqlQuery outer(session_, sql);
    const long long from = 1;
    for (bool row = outer.into(outer_id).use(from).run(); row; row = outer.next()) {
      SqlQuery inner(session_, sql);  // the same SQL while the outer one is stepping
      for (bool in = inner.into(inner_id).use(outer_id).run(); in; in = inner.next()) ++pairs;
    }
  }
  EXPECT_EQ(pairs, 3);  // (1,1) (1,2) (2,2)
  auto* cache = StatementCache::of(session_);
  ASSERT_NE(cache, nullptr);
  StatementCache::Entry* first = cache->acquire(sql);
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(cache->acquire(sql), nullptr);  // in use
  StatementCache::release(*first);
  EXPECT_EQ(cache->acquire(sql), first);  // prepared once, kept
  StatementCache::release(*first);
}

TEST_F(SqlQueryTest, BadSqlAndConstraintsThrowWithSqlitesResultCode) {
  EXPECT_THROW(SqlQuery(session_, "SELECT nothing FROM nowhere").run(), soci::soci_error);
  EXPECT_THROW(SqlQuery(session_, "DELETE FROM t; DROP TABLE t").run(), soci::soci_error);
  SqlQuery(session_, "SELECT 1; \n ").run();  // a trailing semicolon is no second statement
  // Every placeholder needs its value: one missing would otherwise be NULL.
  const long long id = 5;
  EXPECT_THROW(SqlQuery(session_, "INSERT INTO t (id, name) VALUES (:id, :name)").use(id).run(),
               soci::soci_error);
  const std::string name = "five";
  EXPECT_THROW(SqlQuery(session_, "SELECT name FROM t WHERE id = :id").use(id).use(name).run(),
               soci::soci_error);
  insert(1, "one", 1, 1);
  try {
    insert(1, "again", 1, 1);
    FAIL() << "a duplicate key was accepted";
  } catch (const soci::sqlite3_soci_error& e) {
    EXPECT_EQ(e.result() & 0xff, 19);  // SQLITE_CONSTRAINT
    EXPECT_NE(std::string(e.what()).find("UNIQUE"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace sspr::store
