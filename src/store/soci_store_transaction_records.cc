// API tokens and appending to the audit log (reading it: soci_store_transaction_audit.cc).
#include "store/soci_store_transaction.h"
#include "store/sql_query.h"

namespace sspr::store {

namespace {

struct TokenRow {
  long long id = 0;
  long long tenant_id = 0;
  std::string name, role, created_at;
  int revoked = 0;

  void bind(SqlQuery& query) {
    query.into(id).into(tenant_id).into(name).into(role).into(created_at).into(revoked);
  }
  domain::ApiToken to_token() const {
    return domain::ApiToken{id, tenant_id, name, role, created_at, revoked != 0};
  }
};

constexpr const char* kTokenSelect =
    "SELECT id, tenant_id, name, role, created_at, revoked FROM api_tokens ";

template <typename Use>
std::vector<domain::ApiToken> select_tokens(soci::session& session, const std::string& condition,
                                            Use use) {
  TokenRow row;
  SqlQuery query(session, std::string(kTokenSelect) + condition);
  row.bind(query);
  use(query);
  std::vector<domain::ApiToken> tokens;
  for (bool found = query.run(); found; found = query.next()) tokens.push_back(row.to_token());
  return tokens;
}

std::optional<domain::ApiToken> first(std::vector<domain::ApiToken> tokens) {
  if (tokens.empty()) return std::nullopt;
  return tokens.front();
}

}  // namespace

std::int64_t SociStoreTransaction::insert_token(const domain::ApiToken& token,
                                                const std::string& hash) {
  long long id = 0;
  const long long tenant_id = token.tenant_id;
  const int revoked = token.revoked ? 1 : 0;
  SqlQuery query(session_,
                 "INSERT INTO api_tokens (tenant_id, name, role, token_hash, created_at, revoked)"
                 " VALUES (:t, :n, :r, :h, :c, :v) RETURNING id");
  query.into(id).use(tenant_id).use(token.name).use(token.role).use(hash).use(token.created_at);
  query.use(revoked).run();
  return id;
}

std::optional<domain::ApiToken> SociStoreTransaction::find_token_by_hash(const std::string& hash) {
  return first(select_tokens(session_, "WHERE token_hash = :h", [&](SqlQuery& q) { q.use(hash); }));
}

std::optional<domain::ApiToken> SociStoreTransaction::find_token_by_name(domain::TenantId tenant,
                                                                         const std::string& name) {
  const long long tenant_id = tenant;
  return first(select_tokens(session_, "WHERE tenant_id = :t AND name = :n",
                             [&](SqlQuery& q) { q.use(tenant_id).use(name); }));
}

std::vector<domain::ApiToken> SociStoreTransaction::list_tokens(domain::TenantId tenant) {
  const long long tenant_id = tenant;
  return select_tokens(session_, "WHERE tenant_id = :t ORDER BY name",
                       [&](SqlQuery& q) { q.use(tenant_id); });
}

void SociStoreTransaction::revoke_token(std::int64_t token) {
  const long long id = token;
  SqlQuery query(session_, "UPDATE api_tokens SET revoked = 1 WHERE id = :i");
  query.use(id).run();
}

void SociStoreTransaction::append_audit(const domain::AuditEvent& event) {
  const long long tenant_id = event.tenant_id;
  const std::string details = event.details.dump();
  SqlQuery query(session_,
                 "INSERT INTO audit_events (id, time, tenant_id, category, activity, actor, "
                 "target, result, result_reason, correlation_id, support_code, client_ip, "
                 "details) VALUES (:id, :time, :t, :cat, :act, :actor, :target, :result, "
                 ":reason, :corr, :support, :ip, :details)");
  query.use(event.id).use(event.time).use(tenant_id).use(event.category).use(event.activity);
  query.use(event.actor).use(event.target).use(event.result).use(event.result_reason);
  query.use(event.correlation_id).use(event.support_code).use(event.client_ip).use(details);
  query.run();
}

}  // namespace sspr::store
