// Reading the audit log: filtered pages (keyset by seq), the streamed export and counts.
#include <variant>

#include "store/soci_store_transaction.h"
#include "store/sql_query.h"

namespace sspr::store {

namespace {

constexpr long long kExportChunkRows = 10000;

constexpr const char* kAuditColumns =
    "seq, id, time, tenant_id, category, activity, actor, target, result, result_reason, "
    "correlation_id, support_code, client_ip, details";

// The WHERE clause of a filter and its values in placeholder order. Only the filters given
// become conditions, so the indexes of migrations 0001 and 0011 apply.
class AuditWhere {
 public:
  AuditWhere(const AuditQuery& filter, bool keyset) {
    if (filter.tenant_id) {
      tenant_id_ = *filter.tenant_id;
      add(" AND tenant_id = :tenant", &tenant_id_);
    }
    const std::pair<const char*, const std::string*> texts[] = {
        {" AND time >= :since", &filter.since},
        {" AND time < :until", &filter.until},
        {" AND activity = :activity", &filter.activity},
        {" AND category = :category", &filter.category},
        {" AND target = :target", &filter.target},
        {" AND correlation_id = :correlation", &filter.correlation_id},
        {" AND support_code = :support_code", &filter.support_code},
        {" AND result = :result", &filter.result},
    };
    for (const auto& [condition, value] : texts) {
      if (!value->empty()) add(condition, value);
    }
    if (!filter.user.empty()) {
      // The actor index holds only records whose actor is not their target (migration 0014),
      // so the actor side names that condition, which lets the planner use it.
      sql_ += " AND (target = :user_target OR (actor = :user_actor AND actor <> target))";
      values_.emplace_back(&filter.user);
      values_.emplace_back(&filter.user);
    }
    if (!filter.activities.empty()) {
      sql_ += " AND activity IN (";
      for (std::size_t i = 0; i < filter.activities.size(); ++i) {
        sql_ += (i ? ", :a" : ":a") + std::to_string(i);
        values_.emplace_back(&filter.activities[i]);
      }
      sql_ += ")";
    }
    if (keyset && filter.before_seq > 0) {
      before_seq_ = filter.before_seq;
      add(" AND seq < :before", &before_seq_);
    }
  }
  AuditWhere(const AuditWhere&) = delete;
  AuditWhere& operator=(const AuditWhere&) = delete;

  const std::string& sql() const { return sql_; }
  void bind(SqlQuery& query) const {
    for (const auto& value : values_) {
      std::visit([&](const auto* bound) { query.use(*bound); }, value);
    }
  }

 private:
  template <typename T>
  void add(const char* condition, const T* value) {
    sql_ += condition;
    values_.emplace_back(value);
  }

  std::string sql_ = " WHERE 1 = 1";
  long long tenant_id_ = 0;
  long long before_seq_ = 0;
  std::vector<std::variant<const std::string*, const long long*>> values_;
};

void bind_row(SqlQuery& query, AuditRow& row) {
  query.into(row.seq).into(row.id).into(row.time).into(row.tenant_id).into(row.category);
  query.into(row.activity).into(row.actor).into(row.target).into(row.result);
  query.into(row.result_reason).into(row.correlation_id).into(row.support_code);
  query.into(row.client_ip).into(row.details);
}

std::string column_sql(AuditColumn column) {
  switch (column) {
    case AuditColumn::kDay:
      return "substr(time, 1, 10)";
    case AuditColumn::kActivity:
      return "activity";
    case AuditColumn::kResult:
      return "result";
    case AuditColumn::kResultReason:
      return "result_reason";
    case AuditColumn::kActor:
      return "actor";
  }
  return "activity";
}

}  // namespace

std::vector<domain::AuditEvent> SociStoreTransaction::query_audit(const AuditQuery& filter) {
  const AuditWhere where(filter, /*keyset=*/true);
  const long long limit = static_cast<long long>(filter.limit);
  const long long offset = static_cast<long long>(filter.offset);
  AuditRow row;
  SqlQuery query(session_, std::string("SELECT ") + kAuditColumns + " FROM audit_events" +
                               where.sql() + " ORDER BY seq DESC LIMIT :limit OFFSET :offset");
  bind_row(query, row);
  where.bind(query);
  query.use(limit).use(offset);
  std::vector<domain::AuditEvent> events;
  for (bool found = query.run(); found; found = query.next()) {
    domain::AuditEvent event{
        row.id,           row.time,     row.tenant_id, row.category,      row.activity,
        row.actor,        row.target,   row.result,    row.result_reason, row.correlation_id,
        row.support_code, row.client_ip};
    event.details = nlohmann::json::parse(row.details, nullptr, /*allow_exceptions=*/false);
    if (!event.details.is_object()) event.details = nlohmann::json::object();
    event.seq = row.seq;
    events.push_back(std::move(event));
  }
  return events;
}

void SociStoreTransaction::stream_audit(const AuditQuery& filter,
                                        const std::function<bool(const AuditRow&)>& each) {
  // In chunks by seq (keyset), each one statement stepped row by row: PostgreSQL's client
  // library holds a whole result in memory, so one unbounded query would not stay flat.
  const AuditWhere where(filter, /*keyset=*/true);
  const long long chunk = kExportChunkRows;
  long long after = 0;
  const std::string sql = std::string("SELECT ") + kAuditColumns + " FROM audit_events" +
                          where.sql() + " AND seq > :after ORDER BY seq LIMIT :chunk";
  AuditRow row;
  for (;;) {
    SqlQuery query(session_, sql);
    bind_row(query, row);
    where.bind(query);
    query.use(after).use(chunk);
    long long rows = 0;
    for (bool found = query.run(); found; found = query.next()) {
      ++rows;
      after = row.seq;
      if (!each(row)) return;
    }
    if (rows < chunk) return;
  }
}

std::vector<AuditCount> SociStoreTransaction::count_audit(
    const AuditQuery& filter, const std::vector<AuditColumn>& group_by) {
  const AuditWhere where(filter, /*keyset=*/false);
  std::string columns;
  for (std::size_t i = 0; i < group_by.size(); ++i) {
    columns += (i ? ", " : "") + column_sql(group_by[i]);
  }
  std::string sql = "SELECT ";
  if (!columns.empty()) sql += columns + ", ";
  sql += "COUNT(*) FROM audit_events" + where.sql();
  if (!columns.empty()) sql += " GROUP BY " + columns + " ORDER BY " + columns;
  std::vector<std::string> keys(group_by.size());
  long long count = 0;
  SqlQuery query(session_, sql);
  for (auto& key : keys) query.into(key);
  query.into(count);
  where.bind(query);
  std::vector<AuditCount> counts;
  for (bool found = query.run(); found; found = query.next()) counts.push_back({keys, count});
  return counts;
}

std::vector<std::pair<domain::UserId, std::string>>
SociStoreTransaction::registration_confirmations(domain::TenantId tenant) {
  const long long tenant_id = tenant;
  long long user = 0;
  std::string confirmed;
  SqlQuery query(session_,
                 "SELECT r.user_id, r.last_confirmed_at FROM registration_records r"
                 " JOIN users u ON u.id = r.user_id WHERE u.tenant_id = :t");
  query.into(user).into(confirmed).use(tenant_id);
  std::vector<std::pair<domain::UserId, std::string>> rows;
  for (bool found = query.run(); found; found = query.next()) rows.emplace_back(user, confirmed);
  return rows;
}

}  // namespace sspr::store
