// SQLite's plans for the audit log's queries (store/soci_store_transaction_audit.cc): each one
// the audit API, `sspr audit`, `sspr support show` and the reports run must search an index of
// audit_events, never scan the table, and the support lookup must use the index keyed by what
// it looks for (migration 0013). The SQL below has the shapes that file builds (conditions in
// its order, ORDER BY seq, keyset by seq); the database has no statistics, like a deployment's.
#include <gtest/gtest.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "store/open_store.h"
#include "store/soci_headers.h"

namespace sspr::store {
namespace {

constexpr const char* kColumns =
    "SELECT seq, id, time, tenant_id, category, activity, actor, target, result, "
    "result_reason, correlation_id, support_code, client_ip, details FROM audit_events";

class AuditQueryPlanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("sspr_audit_plan_test_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    const auto file = (dir_ / "test.db").string();
    auto opened = open_store(StoreLocation{"sqlite:" + file, "", 1});  // runs the migrations
    ASSERT_TRUE(opened.ok()) << opened.error().technical;
    opened.value().reset();
    session_ = std::make_unique<soci::session>(soci::sqlite3, "db=" + file);
  }
  void TearDown() override {
    session_.reset();
    std::filesystem::remove_all(dir_);
  }

  // The plan's lines, joined by " | ".
  std::string plan(const std::string& sql) {
    soci::rowset<soci::row> rows = session_->prepare << "EXPLAIN QUERY PLAN " + sql;
    std::string out;
    for (const auto& row : rows) {
      out += (out.empty() ? "" : " | ") + row.get<std::string>(3);
    }
    return out;
  }

  static std::string page(const std::string& where) {
    return std::string(kColumns) + " WHERE 1 = 1" + where + " ORDER BY seq DESC LIMIT 100 OFFSET 0";
  }
  static std::string chunk(const std::string& where) {
    return std::string(kColumns) + " WHERE 1 = 1" + where + " AND seq > 0 ORDER BY seq LIMIT 10000";
  }

  std::filesystem::path dir_;
  std::unique_ptr<soci::session> session_;
};

void expect_searches(const std::string& plan, const std::string& index) {
  EXPECT_NE(plan.find("SEARCH audit_events USING INDEX " + index + " "), std::string::npos) << plan;
  EXPECT_EQ(plan.find("SCAN audit_events"), std::string::npos) << plan;
}

TEST_F(AuditQueryPlanTest, PagesAndTheExportWalkATenantBySeq) {
  expect_searches(plan(page(" AND tenant_id = 1")), "audit_events_by_tenant_seq");
  expect_searches(plan(page(" AND tenant_id = 1 AND seq < 500")), "audit_events_by_tenant_seq");
  expect_searches(plan(chunk(" AND tenant_id = 1")), "audit_events_by_tenant_seq");
}

TEST_F(AuditQueryPlanTest, FilteredPagesUseTheirColumnsIndex) {
  expect_searches(plan(page(" AND tenant_id = 1 AND activity = 'Add user'")),
                  "audit_events_by_tenant_activity");
  expect_searches(plan(page(" AND tenant_id = 1 AND target = 'a@b.example'")),
                  "audit_events_by_tenant_target");
  expect_searches(plan(page(" AND tenant_id = 1 AND time >= '2026-01-01T00:00:00.000Z'"
                            " AND time < '2026-02-01T00:00:00.000Z'")),
                  "audit_events_by_tenant_time");
}

TEST_F(AuditQueryPlanTest, ACorrelationIdIsLookedUpInItsOwnIndex) {
  // The support lookup's second query and the audit API's correlation filter.
  expect_searches(plan(page(" AND tenant_id = 1 AND correlation_id = 'c'")),
                  "audit_events_by_tenant_correlation");
}

TEST_F(AuditQueryPlanTest, ASupportCodeIsLookedUpInItsOwnIndexWithOrWithoutATenant) {
  expect_searches(plan(page(" AND tenant_id = 1 AND support_code = 's'")),
                  "audit_events_by_support_code");
  expect_searches(plan(page(" AND support_code = 's'")), "audit_events_by_support_code");
}

TEST_F(AuditQueryPlanTest, ReportsCountARangeOfATenant) {
  expect_searches(
      plan("SELECT substr(time, 1, 10), activity, result, COUNT(*) FROM audit_events WHERE 1 = 1"
           " AND tenant_id = 1 AND time >= '2026-01-01T00:00:00.000Z'"
           " AND time < '2026-02-01T00:00:00.000Z' AND activity IN ('a', 'b')"
           " GROUP BY substr(time, 1, 10), activity, result"
           " ORDER BY substr(time, 1, 10), activity, result"),
      "audit_events_by_tenant_time");
  expect_searches(plan(chunk(" AND tenant_id = 1 AND time >= '2026-01-01T00:00:00.000Z'"
                             " AND time < '2026-02-01T00:00:00.000Z' AND result = 'success'"
                             " AND activity IN ('a')")),
                  "audit_events_by_tenant_activity");
}

TEST_F(AuditQueryPlanTest, EveryOtherFilterStaysWithinATenantsIndex) {
  // category, result and the user (target OR actor) have no index of their own: a page walks
  // the tenant's records newest first until it has its rows, as before migration 0013.
  for (const char* where :
       {" AND tenant_id = 1 AND category = 'x'", " AND tenant_id = 1 AND result = 'failure'",
        " AND tenant_id = 1 AND (target = 'u' OR (actor = 'u' AND actor <> target))"}) {
    const std::string found = plan(page(where));
    EXPECT_NE(found.find("SEARCH audit_events USING "), std::string::npos) << found;
    EXPECT_EQ(found.find("SCAN audit_events"), std::string::npos) << found;
  }
}

}  // namespace
}  // namespace sspr::store
