// Read-only, tenant-wide queries for diagnose (SPEC §12): each answers for every user of a
// tenant in one statement, so a tenant of 100,000 users costs a handful of queries.
#include "store/soci_store_transaction.h"
#include "store/sql_query.h"

namespace sspr::store {

std::vector<std::pair<domain::UserId, domain::GroupId>>
SociStoreTransaction::user_group_memberships(domain::TenantId tenant) {
  const long long tenant_id = tenant;
  long long user = 0;
  long long group = 0;
  SqlQuery query(session_,
                 "SELECT gm.member_id, gm.group_id FROM group_members gm"
                 " JOIN groups g ON g.id = gm.group_id"
                 " WHERE gm.member_kind = 'user' AND g.tenant_id = :t");
  query.into(user).into(group).use(tenant_id);
  std::vector<std::pair<domain::UserId, domain::GroupId>> rows;
  for (bool found = query.run(); found; found = query.next()) rows.emplace_back(user, group);
  return rows;
}

std::vector<TenantMethodRow> SociStoreTransaction::tenant_methods(domain::TenantId tenant) {
  const long long tenant_id = tenant;
  long long user = 0;
  TenantMethodRow row;
  SqlQuery query(session_,
                 "SELECT m.user_id, m.type, m.updated_at FROM authentication_methods m"
                 " JOIN users u ON u.id = m.user_id WHERE u.tenant_id = :t");
  query.into(user).into(row.type).into(row.updated_at).use(tenant_id);
  std::vector<TenantMethodRow> rows;
  for (bool found = query.run(); found; found = query.next()) {
    row.user = user;
    rows.push_back(row);
  }
  return rows;
}

std::vector<TenantAnswersRow> SociStoreTransaction::tenant_security_answers(
    domain::TenantId tenant) {
  const long long tenant_id = tenant;
  long long user = 0;
  long long count = 0;
  std::string newest;
  // Timestamps are ISO 8601 UTC of one format, so the text's MAX is the newest.
  SqlQuery query(session_,
                 "SELECT a.user_id, COUNT(*), MAX(a.created_at) FROM security_answers a"
                 " JOIN users u ON u.id = a.user_id WHERE u.tenant_id = :t GROUP BY a.user_id");
  query.into(user).into(count).into(newest).use(tenant_id);
  std::vector<TenantAnswersRow> rows;
  for (bool found = query.run(); found; found = query.next()) {
    rows.push_back({user, static_cast<int>(count), newest});
  }
  return rows;
}

std::string SociStoreTransaction::throttle_block(const std::string& key) {
  std::string blocked_until;
  soci::indicator indicator = soci::i_ok;
  SqlQuery read(session_, "SELECT blocked_until FROM throttle_keys WHERE throttle_key = :k");
  read.into(blocked_until, indicator).use(key);
  if (!read.run() || indicator != soci::i_ok) return "";
  return blocked_until;
}

std::vector<std::pair<std::string, std::string>> SociStoreTransaction::throttle_blocks_after(
    const std::string& prefix, const std::string& now) {
  // Prefixes are plain ("user:"), without LIKE's wildcards.
  const std::string pattern = prefix + "%";
  std::string key;
  std::string until;
  SqlQuery query(session_,
                 "SELECT throttle_key, blocked_until FROM throttle_keys"
                 " WHERE throttle_key LIKE :p AND blocked_until > :n");
  query.into(key).into(until).use(pattern).use(now);
  std::vector<std::pair<std::string, std::string>> rows;
  for (bool found = query.run(); found; found = query.next()) rows.emplace_back(key, until);
  return rows;
}

}  // namespace sspr::store
