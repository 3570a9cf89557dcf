// On-premises sync and connection status (migration 0010).
#include <unordered_map>

#include "domain/ascii_text.h"
#include "store/soci_store_transaction.h"
#include "store/sql_query.h"

namespace sspr::store {

namespace onprem = domain::onprem;
namespace methods = domain::methods;

namespace {

std::string_view member_kind_text(domain::MemberKind kind) {
  return kind == domain::MemberKind::kGroup ? "group" : "user";
}

}  // namespace

bool SociStoreTransaction::delete_onprem_connection(domain::TenantId tenant) {
  const long long tenant_id = tenant;
  int found = 0;
  SqlQuery exists(session_, "SELECT 1 FROM onprem_connections WHERE tenant_id = :t");
  exists.into(found).use(tenant_id);
  const bool had = exists.run();
  for (const char* sql : {"DELETE FROM onprem_connections WHERE tenant_id = :t",
                          "DELETE FROM onprem_sync_state WHERE tenant_id = :t",
                          "DELETE FROM onprem_status WHERE tenant_id = :t"}) {
    SqlQuery remove(session_, sql);
    remove.use(tenant_id).run();
  }
  return had;
}

std::vector<onprem::StoredSyncedUser> SociStoreTransaction::list_synced_users(
    domain::TenantId tenant) {
  const long long tenant_id = tenant;
  std::vector<onprem::StoredSyncedUser> users;
  std::unordered_map<long long, std::size_t> index;
  {
    long long id = 0;
    int enabled = 1;
    onprem::SyncedUser row;
    SqlQuery query(session_,
                   "SELECT id, onprem_anchor, onprem_id, upn, display_name, given_name, surname,"
                   " email, enabled FROM users WHERE tenant_id = :t AND source = 'synced'"
                   " AND onprem_anchor <> ''");
    query.into(id).into(row.anchor).into(row.dn).into(row.upn).into(row.display_name);
    query.into(row.given_name).into(row.surname).into(row.email).into(enabled).use(tenant_id);
    for (bool more = query.run(); more; more = query.next()) {
      row.enabled = enabled != 0;
      index.emplace(id, users.size());
      users.push_back({id, row, {}});
    }
  }
  long long user_id = 0;
  std::string type;
  std::string source;
  onprem::StoredMethod method;
  SqlQuery query(session_,
                 "SELECT m.user_id, m.type, m.value, m.extension, m.source"
                 " FROM authentication_methods m JOIN users u ON u.id = m.user_id"
                 " WHERE u.tenant_id = :t AND u.source = 'synced' AND u.onprem_anchor <> ''"
                 " AND m.type IN ('mobile_phone', 'office_phone', 'email')");
  query.into(user_id).into(type).into(method.value).into(method.extension).into(source);
  query.use(tenant_id);
  for (bool more = query.run(); more; more = query.next()) {
    auto found = index.find(user_id);
    auto parsed_type = methods::method_type_from_string(type);
    auto parsed_source = methods::method_source_from_string(source);
    if (found == index.end() || !parsed_type || !parsed_source) continue;
    method.type = *parsed_type;
    method.source = *parsed_source;
    users[found->second].methods.push_back(method);
  }
  return users;
}

std::vector<onprem::StoredSyncedGroup> SociStoreTransaction::list_synced_groups(
    domain::TenantId tenant) {
  const long long tenant_id = tenant;
  std::vector<onprem::StoredSyncedGroup> groups;
  std::unordered_map<long long, std::size_t> index;
  {
    long long id = 0;
    onprem::StoredSyncedGroup row;
    SqlQuery query(session_,
                   "SELECT id, onprem_anchor, onprem_id, name FROM groups"
                   " WHERE tenant_id = :t AND onprem_anchor <> ''");
    query.into(id).into(row.anchor).into(row.dn).into(row.name).use(tenant_id);
    for (bool more = query.run(); more; more = query.next()) {
      row.id = id;
      index.emplace(id, groups.size());
      groups.push_back(row);
    }
  }
  long long group_id = 0;
  std::string kind;
  long long member_id = 0;
  SqlQuery query(session_,
                 "SELECT m.group_id, m.member_kind, m.member_id FROM group_members m"
                 " JOIN groups g ON g.id = m.group_id"
                 " WHERE g.tenant_id = :t AND g.onprem_anchor <> ''");
  query.into(group_id).into(kind).into(member_id).use(tenant_id);
  for (bool more = query.run(); more; more = query.next()) {
    auto found = index.find(group_id);
    if (found == index.end()) continue;
    groups[found->second].members.emplace_back(
        kind == "group" ? domain::MemberKind::kGroup : domain::MemberKind::kUser, member_id);
  }
  return groups;
}

domain::UserId SociStoreTransaction::insert_synced_user(domain::TenantId tenant,
                                                        const onprem::SyncedUser& user,
                                                        domain::AuthMode mode,
                                                        const std::string& now) {
  long long id = 0;
  const long long tenant_id = tenant;
  const int enabled = user.enabled ? 1 : 0;
  const std::string auth_mode(domain::to_string(mode));
  SqlQuery query(session_,
                 "INSERT INTO users (tenant_id, upn, display_name, given_name, surname, email,"
                 " enabled, source, auth_mode, onprem_id, onprem_anchor, created_at, updated_at)"
                 " VALUES (:t, :upn, :dn, :gn, :sn, :mail, :en, 'synced', :mode, :op, :a, :c, :u)"
                 " RETURNING id");
  query.into(id).use(tenant_id).use(user.upn).use(user.display_name).use(user.given_name);
  query.use(user.surname).use(user.email).use(enabled).use(auth_mode).use(user.dn);
  query.use(user.anchor).use(now).use(now).run();
  return id;
}

void SociStoreTransaction::update_synced_user(domain::UserId user, const onprem::SyncedUser& values,
                                              const std::string& now) {
  const long long id = user;
  const int enabled = values.enabled ? 1 : 0;
  SqlQuery query(session_,
                 "UPDATE users SET upn = :upn, display_name = :dn, given_name = :gn,"
                 " surname = :sn, email = :mail, enabled = :en, onprem_id = :op,"
                 " onprem_anchor = :a, updated_at = :u WHERE id = :id");
  query.use(values.upn).use(values.display_name).use(values.given_name).use(values.surname);
  query.use(values.email).use(enabled).use(values.dn).use(values.anchor).use(now).use(id).run();
}

void SociStoreTransaction::apply_synced_method(domain::UserId user,
                                               const onprem::MethodChange& change,
                                               const std::string& now) {
  const long long user_id = user;
  const std::string type(methods::to_string(change.type));
  if (change.remove) {
    SqlQuery remove(session_,
                    "DELETE FROM authentication_methods WHERE user_id = :u AND type = :t"
                    " AND source = 'sync'");
    remove.use(user_id).use(type).run();
    return;
  }
  SqlQuery update(session_,
                  "UPDATE authentication_methods SET value = :v, extension = :e, updated_at = :n"
                  " WHERE user_id = :u AND type = :t AND source = 'sync'");
  update.use(change.value).use(change.extension).use(now).use(user_id).use(type).run();
  // Inserts only when the user has no method of the type (a user's own one stays).
  SqlQuery insert(session_,
                  "INSERT INTO authentication_methods (user_id, type, value, extension, source,"
                  " created_at, updated_at) VALUES (:u, :t, :v, :e, 'sync', :c, :n)"
                  " ON CONFLICT (user_id, type) DO NOTHING");
  insert.use(user_id).use(type).use(change.value).use(change.extension).use(now).use(now).run();
}

domain::GroupId SociStoreTransaction::insert_synced_group(domain::TenantId tenant,
                                                          const onprem::SyncedGroup& group,
                                                          const std::string& now) {
  long long id = 0;
  const long long tenant_id = tenant;
  const std::string key = domain::ascii_lower(group.name);
  SqlQuery query(session_,
                 "INSERT INTO groups (tenant_id, name, name_key, onprem_id, onprem_anchor,"
                 " created_at) VALUES (:t, :n, :k, :o, :a, :c) RETURNING id");
  query.into(id).use(tenant_id).use(group.name).use(key).use(group.dn).use(group.anchor);
  query.use(now).run();
  return id;
}

void SociStoreTransaction::update_synced_group(domain::GroupId group,
                                               const onprem::SyncedGroup& values) {
  const long long id = group;
  const std::string key = domain::ascii_lower(values.name);
  SqlQuery query(session_,
                 "UPDATE groups SET name = :n, name_key = :k, onprem_id = :o WHERE id = :g");
  query.use(values.name).use(key).use(values.dn).use(id).run();
}

void SociStoreTransaction::replace_members(domain::GroupId group,
                                           const std::vector<onprem::MemberRef>& members) {
  const long long group_id = group;
  SqlQuery remove(session_, "DELETE FROM group_members WHERE group_id = :g");
  remove.use(group_id).run();
  for (const auto& [kind, member] : members) {
    const std::string kind_name(member_kind_text(kind));
    const long long member_id = member;
    SqlQuery insert(session_,
                    "INSERT INTO group_members (group_id, member_kind, member_id)"
                    " VALUES (:g, :k, :m)");
    insert.use(group_id).use(kind_name).use(member_id).run();
  }
}

std::optional<onprem::SyncState> SociStoreTransaction::find_sync_state(domain::TenantId tenant) {
  const long long tenant_id = tenant;
  onprem::SyncState state;
  SqlQuery query(session_,
                 "SELECT watermark, last_run_at, last_result FROM onprem_sync_state"
                 " WHERE tenant_id = :t");
  query.into(state.watermark).into(state.last_run_at).into(state.last_result).use(tenant_id);
  if (!query.run()) return std::nullopt;
  return state;
}

void SociStoreTransaction::save_sync_state(domain::TenantId tenant,
                                           const onprem::SyncState& state) {
  const long long tenant_id = tenant;
  SqlQuery remove(session_, "DELETE FROM onprem_sync_state WHERE tenant_id = :t");
  remove.use(tenant_id).run();
  SqlQuery insert(session_,
                  "INSERT INTO onprem_sync_state (tenant_id, watermark, last_run_at, last_result)"
                  " VALUES (:t, :w, :r, :j)");
  insert.use(tenant_id).use(state.watermark).use(state.last_run_at).use(state.last_result).run();
}

std::optional<onprem::ConnectionStatus> SociStoreTransaction::find_onprem_status(
    domain::TenantId tenant) {
  const long long tenant_id = tenant;
  onprem::ConnectionStatus status;
  std::string state;
  SqlQuery query(session_,
                 "SELECT state, since, checked_at, reason FROM onprem_status WHERE tenant_id = :t");
  query.into(state).into(status.since).into(status.checked_at).into(status.reason);
  query.use(tenant_id);
  if (!query.run()) return std::nullopt;
  status.state =
      onprem::parse_connection_state(state).value_or(onprem::ConnectionState::kMisconfigured);
  return status;
}

void SociStoreTransaction::save_onprem_status(domain::TenantId tenant,
                                              const onprem::ConnectionStatus& status) {
  const long long tenant_id = tenant;
  const std::string state(onprem::connection_state_name(status.state));
  SqlQuery remove(session_, "DELETE FROM onprem_status WHERE tenant_id = :t");
  remove.use(tenant_id).run();
  SqlQuery insert(session_,
                  "INSERT INTO onprem_status (tenant_id, state, since, checked_at, reason)"
                  " VALUES (:t, :s, :since, :c, :r)");
  insert.use(tenant_id).use(state).use(status.since).use(status.checked_at).use(status.reason);
  insert.run();
}

}  // namespace sspr::store
