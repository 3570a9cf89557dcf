// Custom banned password terms of a tenant.
#include <algorithm>

#include "store/soci_store_transaction.h"
#include "store/sql_query.h"

namespace sspr::store {

std::vector<std::string> SociStoreTransaction::list_banned_terms(domain::TenantId tenant) {
  const long long tenant_id = tenant;
  std::string term;
  SqlQuery query(session_,
                 "SELECT term FROM tenant_banned_terms WHERE tenant_id = :t ORDER BY term");
  query.into(term).use(tenant_id);
  std::vector<std::string> terms;
  for (bool found = query.run(); found; found = query.next()) terms.push_back(term);
  // Byte order on both backends (PostgreSQL's ORDER BY follows the database collation).
  std::sort(terms.begin(), terms.end());
  return terms;
}

bool SociStoreTransaction::add_banned_term(domain::TenantId tenant, const std::string& term,
                                           const std::string& now) {
  const long long tenant_id = tenant;
  long long found = 0;
  SqlQuery existing(session_,
                    "SELECT COUNT(*) FROM tenant_banned_terms WHERE tenant_id = :t AND term = :s");
  existing.into(found).use(tenant_id).use(term).run();
  if (found > 0) return false;
  SqlQuery insert(session_,
                  "INSERT INTO tenant_banned_terms (tenant_id, term, created_at)"
                  " VALUES (:t, :s, :c)");
  insert.use(tenant_id).use(term).use(now).run();
  return true;
}

bool SociStoreTransaction::remove_banned_term(domain::TenantId tenant, const std::string& term) {
  const long long tenant_id = tenant;
  SqlQuery query(session_, "DELETE FROM tenant_banned_terms WHERE tenant_id = :t AND term = :s");
  query.use(tenant_id).use(term).run();
  return query.affected_rows() > 0;
}

}  // namespace sspr::store
