// Tenants, users, groups and membership. Licences, roles, tokens and the audit log are in
// soci_store_transaction_licenses.cc and soci_store_transaction_records.cc.
#include "store/soci_store_transaction.h"

#include <unordered_map>

#include "domain/ascii_text.h"
#include "store/sql_query.h"

namespace sspr::store {

namespace {

using domain::Group;
using domain::User;

std::string_view kind_text(domain::MemberKind kind) {
  return kind == domain::MemberKind::kUser ? "user" : "group";
}

// The columns of a user row, bound in the order of kUserSelect.
constexpr const char* kUserSelect =
    "SELECT id, tenant_id, upn, display_name, given_name, surname, email, enabled, source, "
    "auth_mode, onprem_id, CASE WHEN password_hash IS NULL THEN 0 ELSE 1 END, created_at, "
    "updated_at FROM users ";

struct UserRow {
  long long id = 0;
  long long tenant_id = 0;
  std::string upn, display_name, given_name, surname, email;
  int enabled = 1;
  std::string source;
  std::string auth_mode;
  soci::indicator auth_mode_indicator = soci::i_null;
  std::string onprem_id;
  int has_password = 0;
  std::string created_at, updated_at;

  void bind(SqlQuery& query) {
    query.into(id).into(tenant_id).into(upn).into(display_name).into(given_name).into(surname);
    query.into(email).into(enabled).into(source).into(auth_mode, auth_mode_indicator);
    query.into(onprem_id).into(has_password).into(created_at).into(updated_at);
  }

  User to_user() const {
    User user;
    user.id = id;
    user.tenant_id = tenant_id;
    user.upn = upn;
    user.display_name = display_name;
    user.given_name = given_name;
    user.surname = surname;
    user.email = email;
    user.enabled = enabled != 0;
    if (auto parsed = domain::parse_user_source(source)) user.source = *parsed;
    if (auth_mode_indicator == soci::i_ok) {
      if (auto parsed = domain::parse_auth_mode(auth_mode)) user.auth_mode = *parsed;
    }
    user.onprem_id = onprem_id;
    user.has_password = has_password != 0;
    user.created_at = created_at;
    user.updated_at = updated_at;
    return user;
  }
};

constexpr const char* kGroupColumns =
    "g.id, g.tenant_id, g.name, g.description, g.onprem_id, "
    "g.created_at";

struct GroupRow {
  long long id = 0;
  long long tenant_id = 0;
  std::string name, description, onprem_id, created_at;

  void bind(SqlQuery& query) {
    query.into(id).into(tenant_id).into(name).into(description).into(onprem_id).into(created_at);
  }
  Group to_group() const { return Group{id, tenant_id, name, description, onprem_id, created_at}; }
};

// Runs `sql` (starting with kUserSelect) with the values bound by `use`.
template <typename Use>
std::vector<User> select_users(soci::session& session, const std::string& condition, Use use) {
  UserRow row;
  SqlQuery query(session, std::string(kUserSelect) + condition);
  row.bind(query);
  use(query);
  std::vector<User> users;
  for (bool found = query.run(); found; found = query.next()) users.push_back(row.to_user());
  return users;
}

template <typename Use>
std::vector<Group> select_groups(soci::session& session, const std::string& sql, Use use) {
  GroupRow row;
  SqlQuery query(session, sql);
  row.bind(query);
  use(query);
  std::vector<Group> groups;
  for (bool found = query.run(); found; found = query.next()) groups.push_back(row.to_group());
  return groups;
}

template <typename T>
std::optional<T> first(std::vector<T> rows) {
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

// The groups a user belongs to, directly or through nesting, as a CTE named member_of(id).
// UNION (not UNION ALL) drops rows already found, so cycles end.
constexpr const char* kMemberOfUser =
    "WITH RECURSIVE member_of(id) AS ("
    " SELECT group_id FROM group_members WHERE member_kind = 'user' AND member_id = :user"
    " UNION"
    " SELECT gm.group_id FROM group_members gm JOIN member_of m"
    "   ON gm.member_kind = 'group' AND gm.member_id = m.id) ";

}  // namespace

// ---- Tenants -------------------------------------------------------------------------------

domain::TenantId SociStoreTransaction::insert_tenant(const std::string& name,
                                                     const std::string& now) {
  long long id = 0;
  SqlQuery query(session_,
                 "INSERT INTO tenants (name, created_at) VALUES (:name, :now) RETURNING id");
  query.into(id).use(name).use(now).run();
  return id;
}

void SociStoreTransaction::insert_domain(domain::TenantId tenant, const std::string& domain) {
  const long long tenant_id = tenant;
  int position = 0;
  soci::indicator indicator = soci::i_null;
  SqlQuery last(session_, "SELECT MAX(position) FROM tenant_domains WHERE tenant_id = :t");
  last.into(position, indicator).use(tenant_id).run();
  position = indicator == soci::i_ok ? position + 1 : 0;
  const std::string key = domain::ascii_lower(domain);
  SqlQuery insert(session_,
                  "INSERT INTO tenant_domains (domain, tenant_id, position) VALUES (:d, :t, :p)");
  insert.use(key).use(tenant_id).use(position).run();
}

std::optional<domain::TenantId> SociStoreTransaction::tenant_of_domain(const std::string& domain) {
  long long tenant = 0;
  const std::string key = domain::ascii_lower(domain);
  SqlQuery query(session_, "SELECT tenant_id FROM tenant_domains WHERE domain = :d");
  if (!query.into(tenant).use(key).run()) return std::nullopt;
  return tenant;
}

// One tenant by its primary key, and its domains by the (tenant_id, position) index: every
// reset step looks its tenant up, so this must not read the other tenants.
std::optional<domain::Tenant> SociStoreTransaction::find_tenant(domain::TenantId tenant) {
  const long long id = tenant;
  domain::Tenant found;
  {
    SqlQuery query(session_, "SELECT name, helpdesk, created_at FROM tenants WHERE id = :id");
    query.into(found.name).into(found.helpdesk).into(found.created_at).use(id);
    if (!query.run()) return std::nullopt;
  }
  found.id = tenant;
  std::string domain;
  SqlQuery query(session_,
                 "SELECT domain FROM tenant_domains WHERE tenant_id = :id ORDER BY position");
  query.into(domain).use(id);
  for (bool more = query.run(); more; more = query.next()) found.domains.push_back(domain);
  return found;
}

std::vector<domain::Tenant> SociStoreTransaction::list_tenants() {
  std::vector<domain::Tenant> tenants;
  std::unordered_map<long long, std::size_t> position_of;  // tenant id -> index in `tenants`
  {
    domain::Tenant row;
    long long id = 0;
    SqlQuery query(session_, "SELECT id, name, helpdesk, created_at FROM tenants ORDER BY id");
    query.into(id).into(row.name).into(row.helpdesk).into(row.created_at);
    for (bool found = query.run(); found; found = query.next()) {
      row.id = id;
      position_of.emplace(id, tenants.size());
      tenants.push_back(row);
    }
  }
  long long tenant_id = 0;
  std::string domain;
  SqlQuery query(session_,
                 "SELECT tenant_id, domain FROM tenant_domains ORDER BY tenant_id, position");
  query.into(tenant_id).into(domain);
  for (bool found = query.run(); found; found = query.next()) {
    if (const auto it = position_of.find(tenant_id); it != position_of.end()) {
      tenants[it->second].domains.push_back(domain);
    }
  }
  return tenants;
}

// ---- Users ---------------------------------------------------------------------------------

domain::UserId SociStoreTransaction::insert_user(const User& user, const std::string& now) {
  long long id = 0;
  const long long tenant_id = user.tenant_id;
  const int enabled = user.enabled ? 1 : 0;
  const std::string source(domain::to_string(user.source));
  const std::string auth_mode(user.auth_mode ? domain::to_string(*user.auth_mode) : "");
  soci::indicator auth_mode_indicator = user.auth_mode ? soci::i_ok : soci::i_null;
  SqlQuery query(session_,
                 "INSERT INTO users (tenant_id, upn, display_name, given_name, surname, email, "
                 "enabled, source, auth_mode, onprem_id, created_at, updated_at) VALUES (:t, "
                 ":upn, :dn, :gn, :sn, :mail, :en, :src, :mode, :op, :c, :u) RETURNING id");
  query.into(id).use(tenant_id).use(user.upn).use(user.display_name).use(user.given_name);
  query.use(user.surname).use(user.email).use(enabled).use(source);
  query.use(auth_mode, auth_mode_indicator).use(user.onprem_id).use(now).use(now).run();
  return id;
}

std::optional<User> SociStoreTransaction::find_user_by_upn(const std::string& upn) {
  const std::string key = domain::ascii_lower(upn);
  return first(select_users(session_, "WHERE upn = :upn", [&](SqlQuery& q) { q.use(key); }));
}

std::optional<User> SociStoreTransaction::find_user(domain::UserId user) {
  const long long id = user;
  return first(select_users(session_, "WHERE id = :id", [&](SqlQuery& q) { q.use(id); }));
}

std::vector<User> SociStoreTransaction::list_users(domain::TenantId tenant, std::size_t offset,
                                                   std::size_t limit) {
  const long long tenant_id = tenant;
  const long long first_row = static_cast<long long>(offset);
  const long long count = static_cast<long long>(limit);
  return select_users(session_, "WHERE tenant_id = :t ORDER BY upn LIMIT :l OFFSET :o",
                      [&](SqlQuery& q) { q.use(tenant_id).use(count).use(first_row); });
}

std::size_t SociStoreTransaction::count_users(domain::TenantId tenant) {
  const long long tenant_id = tenant;
  long long count = 0;
  SqlQuery query(session_, "SELECT COUNT(*) FROM users WHERE tenant_id = :t");
  query.into(count).use(tenant_id).run();
  return static_cast<std::size_t>(count);
}

void SociStoreTransaction::update_user(const User& user, const std::string& now) {
  const long long id = user.id;
  const int enabled = user.enabled ? 1 : 0;
  const std::string source(domain::to_string(user.source));
  const std::string auth_mode(user.auth_mode ? domain::to_string(*user.auth_mode) : "");
  soci::indicator auth_mode_indicator = user.auth_mode ? soci::i_ok : soci::i_null;
  SqlQuery query(session_,
                 "UPDATE users SET upn = :upn, display_name = :dn, given_name = :gn, surname = "
                 ":sn, email = :mail, enabled = :en, source = :src, auth_mode = :mode, onprem_id "
                 "= :op, updated_at = :u WHERE id = :id");
  query.use(user.upn).use(user.display_name).use(user.given_name).use(user.surname);
  query.use(user.email).use(enabled).use(source).use(auth_mode, auth_mode_indicator);
  query.use(user.onprem_id).use(now).use(id).run();
}

void SociStoreTransaction::delete_user(domain::UserId user) {
  const long long id = user;
  SqlQuery memberships(session_,
                       "DELETE FROM group_members WHERE member_kind = 'user' AND member_id = :u");
  memberships.use(id).run();
  // Licences and roles go with the row (ON DELETE CASCADE).
  SqlQuery row(session_, "DELETE FROM users WHERE id = :u");
  row.use(id).run();
}

void SociStoreTransaction::set_password_hash(domain::UserId user, const std::string& hash,
                                             const std::string& now) {
  const long long id = user;
  SqlQuery query(session_, "UPDATE users SET password_hash = :h, updated_at = :n WHERE id = :u");
  query.use(hash).use(now).use(id).run();
}

std::optional<std::string> SociStoreTransaction::password_hash(domain::UserId user) {
  const long long id = user;
  std::string hash;
  soci::indicator indicator = soci::i_null;
  SqlQuery query(session_, "SELECT password_hash FROM users WHERE id = :u");
  if (!query.into(hash, indicator).use(id).run() || indicator != soci::i_ok) return std::nullopt;
  return hash;
}

// ---- Groups --------------------------------------------------------------------------------

domain::GroupId SociStoreTransaction::insert_group(const Group& group, const std::string& now) {
  long long id = 0;
  const long long tenant_id = group.tenant_id;
  const std::string key = domain::ascii_lower(group.name);
  SqlQuery query(session_,
                 "INSERT INTO groups (tenant_id, name, name_key, description, onprem_id, "
                 "created_at) VALUES (:t, :n, :k, :d, :o, :c) RETURNING id");
  query.into(id).use(tenant_id).use(group.name).use(key).use(group.description);
  query.use(group.onprem_id).use(now).run();
  return id;
}

std::optional<Group> SociStoreTransaction::find_group_by_name(domain::TenantId tenant,
                                                              const std::string& name) {
  const long long tenant_id = tenant;
  const std::string key = domain::ascii_lower(name);
  return first(select_groups(session_,
                             std::string("SELECT ") + kGroupColumns +
                                 " FROM groups g WHERE tenant_id = :t AND "
                                 "name_key = :k",
                             [&](SqlQuery& q) { q.use(tenant_id).use(key); }));
}

std::optional<Group> SociStoreTransaction::find_group(domain::GroupId group) {
  const long long id = group;
  return first(select_groups(
      session_, std::string("SELECT ") + kGroupColumns + " FROM groups g WHERE id = :g",
      [&](SqlQuery& q) { q.use(id); }));
}

std::vector<Group> SociStoreTransaction::list_groups(domain::TenantId tenant) {
  const long long tenant_id = tenant;
  return select_groups(session_,
                       std::string("SELECT ") + kGroupColumns +
                           " FROM groups g WHERE tenant_id = :t ORDER BY "
                           "name_key",
                       [&](SqlQuery& q) { q.use(tenant_id); });
}

void SociStoreTransaction::delete_group(domain::GroupId group) {
  const long long id = group;
  SqlQuery memberships(session_,
                       "DELETE FROM group_members WHERE member_kind = 'group' AND member_id = :g");
  memberships.use(id).run();
  // Its own members and licences go with the row (ON DELETE CASCADE).
  SqlQuery row(session_, "DELETE FROM groups WHERE id = :g");
  row.use(id).run();
}

// ---- Membership ----------------------------------------------------------------------------

bool SociStoreTransaction::add_member(domain::GroupId group, domain::MemberKind kind,
                                      std::int64_t member) {
  const long long group_id = group;
  const long long member_id = member;
  const std::string kind_name(kind_text(kind));
  int found = 0;
  SqlQuery existing(session_,
                    "SELECT COUNT(*) FROM group_members WHERE group_id = :g AND member_kind = :k "
                    "AND member_id = :m");
  existing.into(found).use(group_id).use(kind_name).use(member_id).run();
  if (found > 0) return false;
  SqlQuery insert(session_,
                  "INSERT INTO group_members (group_id, member_kind, member_id) VALUES (:g, :k, "
                  ":m)");
  insert.use(group_id).use(kind_name).use(member_id).run();
  return true;
}

bool SociStoreTransaction::remove_member(domain::GroupId group, domain::MemberKind kind,
                                         std::int64_t member) {
  const long long group_id = group;
  const long long member_id = member;
  const std::string kind_name(kind_text(kind));
  SqlQuery query(session_,
                 "DELETE FROM group_members WHERE group_id = :g AND member_kind = :k AND "
                 "member_id = :m");
  query.use(group_id).use(kind_name).use(member_id).run();
  return query.affected_rows() > 0;
}

std::vector<domain::GroupMember> SociStoreTransaction::list_members(domain::GroupId group) {
  const long long group_id = group;
  std::string kind;
  long long member_id = 0;
  std::string name;
  SqlQuery query(session_,
                 "SELECT gm.member_kind, gm.member_id, COALESCE(u.upn, g.name, '') AS member_name"
                 " FROM group_members gm"
                 " LEFT JOIN users u ON gm.member_kind = 'user' AND u.id = gm.member_id"
                 " LEFT JOIN groups g ON gm.member_kind = 'group' AND g.id = gm.member_id"
                 " WHERE gm.group_id = :g ORDER BY gm.member_kind DESC, member_name");
  query.into(kind).into(member_id).into(name).use(group_id);
  std::vector<domain::GroupMember> members;
  for (bool found = query.run(); found; found = query.next()) {
    members.push_back(
        {kind == "user" ? domain::MemberKind::kUser : domain::MemberKind::kGroup, member_id, name});
  }
  return members;
}

std::vector<Group> SociStoreTransaction::transitive_groups_of_user(domain::UserId user) {
  const long long user_id = user;
  return select_groups(session_,
                       std::string(kMemberOfUser) + "SELECT " + kGroupColumns +
                           " FROM groups g JOIN member_of m ON g.id = m.id ORDER BY g.name_key",
                       [&](SqlQuery& q) { q.use(user_id); });
}

bool SociStoreTransaction::is_transitive_member(domain::UserId user, domain::GroupId group) {
  const long long user_id = user;
  const long long group_id = group;
  long long count = 0;
  SqlQuery query(session_,
                 std::string(kMemberOfUser) + "SELECT COUNT(*) FROM member_of WHERE id = :g");
  query.into(count).use(user_id).use(group_id).run();
  return count > 0;
}

std::vector<domain::GroupGraph::Edge> SociStoreTransaction::group_edges(domain::TenantId tenant) {
  const long long tenant_id = tenant;
  long long child = 0;
  long long parent = 0;
  SqlQuery query(session_,
                 "SELECT gm.member_id, gm.group_id FROM group_members gm JOIN groups g ON g.id = "
                 "gm.group_id WHERE g.tenant_id = :t AND gm.member_kind = 'group' ORDER BY "
                 "gm.group_id, gm.member_id");
  query.into(child).into(parent).use(tenant_id);
  std::vector<domain::GroupGraph::Edge> edges;
  for (bool found = query.run(); found; found = query.next()) edges.push_back({child, parent});
  return edges;
}

}  // namespace sspr::store
