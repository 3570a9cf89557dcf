// Licence subscriptions and assignments, and administrator roles.
#include "store/soci_store_transaction.h"
#include "store/sql_query.h"

namespace sspr::store {

namespace {

// Runs an INSERT of (id, text) unless that exact row exists; returns whether it inserted.
bool insert_pair_once(soci::session& session, const std::string& table,
                      const std::string& id_column, const std::string& text_column, long long id,
                      const std::string& text) {
  long long found = 0;
  SqlQuery existing(session, "SELECT COUNT(*) FROM " + table + " WHERE " + id_column +
                                 " = :i AND " + text_column + " = :s");
  existing.into(found).use(id).use(text).run();
  if (found > 0) return false;
  SqlQuery insert(session, "INSERT INTO " + table + " (" + id_column + ", " + text_column +
                               ") VALUES (:i, :s)");
  insert.use(id).use(text).run();
  return true;
}

bool delete_pair(soci::session& session, const std::string& table, const std::string& id_column,
                 const std::string& text_column, long long id, const std::string& text) {
  SqlQuery query(session, "DELETE FROM " + table + " WHERE " + id_column + " = :i AND " +
                              text_column + " = :s");
  query.use(id).use(text).run();
  return query.affected_rows() > 0;
}

}  // namespace

void SociStoreTransaction::upsert_subscription(domain::TenantId tenant, const std::string& sku,
                                               std::optional<int> seats) {
  const long long tenant_id = tenant;
  const int seat_count = seats.value_or(0);
  soci::indicator seats_indicator = seats ? soci::i_ok : soci::i_null;
  SqlQuery update(session_,
                  "UPDATE subscriptions SET seats = :n WHERE tenant_id = :t AND sku = :s");
  update.use(seat_count, seats_indicator).use(tenant_id).use(sku).run();
  if (update.affected_rows() > 0) return;
  // Two first assignments of a SKU at once both find no row: the later insert must not fail
  // on the unique key (found by bench/reset_load seeding on PostgreSQL). A seat count given
  // wins; "no limit" leaves a row inserted meanwhile as it is.
  const std::string insert_sql =
      std::string(
          "INSERT INTO subscriptions (tenant_id, sku, seats) VALUES (:t, :s, :n) "
          "ON CONFLICT (tenant_id, sku) DO ") +
      (seats ? "UPDATE SET seats = excluded.seats" : "NOTHING");
  SqlQuery insert(session_, insert_sql);
  insert.use(tenant_id).use(sku).use(seat_count, seats_indicator).run();
}

std::optional<domain::Subscription> SociStoreTransaction::find_subscription(
    domain::TenantId tenant, const std::string& sku) {
  for (auto& subscription : list_subscriptions(tenant)) {
    if (subscription.sku == sku) return std::move(subscription);
  }
  return std::nullopt;
}

std::vector<domain::Subscription> SociStoreTransaction::list_subscriptions(
    domain::TenantId tenant) {
  const long long tenant_id = tenant;
  std::vector<domain::Subscription> subscriptions;
  {
    long long id = 0;
    std::string sku;
    int seats = 0;
    soci::indicator seats_indicator = soci::i_null;
    SqlQuery query(session_,
                   "SELECT id, sku, seats FROM subscriptions WHERE tenant_id = :t ORDER BY sku");
    query.into(id).into(sku).into(seats, seats_indicator).use(tenant_id);
    for (bool found = query.run(); found; found = query.next()) {
      domain::Subscription subscription;
      subscription.id = id;
      subscription.tenant_id = tenant;
      subscription.sku = sku;
      if (seats_indicator == soci::i_ok) subscription.seats = seats;
      subscriptions.push_back(subscription);
    }
  }
  for (auto& subscription : subscriptions) {
    subscription.assigned = count_license_holders(tenant, subscription.sku);
  }
  return subscriptions;
}

bool SociStoreTransaction::assign_license_to_user(domain::UserId user, const std::string& sku) {
  return insert_pair_once(session_, "user_licenses", "user_id", "sku", user, sku);
}

bool SociStoreTransaction::assign_license_to_group(domain::GroupId group, const std::string& sku) {
  return insert_pair_once(session_, "group_licenses", "group_id", "sku", group, sku);
}

bool SociStoreTransaction::remove_license_from_user(domain::UserId user, const std::string& sku) {
  return delete_pair(session_, "user_licenses", "user_id", "sku", user, sku);
}

bool SociStoreTransaction::remove_license_from_group(domain::GroupId group,
                                                     const std::string& sku) {
  return delete_pair(session_, "group_licenses", "group_id", "sku", group, sku);
}

std::vector<domain::LicenseAssignment> SociStoreTransaction::list_license_assignments(
    domain::TenantId tenant) {
  const long long tenant_id = tenant;
  domain::LicenseAssignment row;
  SqlQuery query(session_,
                 "SELECT ul.sku, 'user' AS kind, u.upn AS assignee FROM user_licenses ul"
                 " JOIN users u ON u.id = ul.user_id WHERE u.tenant_id = :t1"
                 " UNION ALL"
                 " SELECT gl.sku, 'group' AS kind, g.name AS assignee FROM group_licenses gl"
                 " JOIN groups g ON g.id = gl.group_id WHERE g.tenant_id = :t2"
                 " ORDER BY 1, 2, 3");
  query.into(row.sku).into(row.assignee_kind).into(row.assignee).use(tenant_id).use(tenant_id);
  std::vector<domain::LicenseAssignment> assignments;
  for (bool found = query.run(); found; found = query.next()) assignments.push_back(row);
  return assignments;
}

std::vector<std::string> SociStoreTransaction::effective_skus_of_user(domain::UserId user) {
  const long long user_id = user;
  std::string sku;
  // member_of: every group of the user, directly or through nesting (UNION ends cycles).
  SqlQuery query(
      session_,
      "WITH RECURSIVE member_of(id) AS ("
      " SELECT group_id FROM group_members WHERE member_kind = 'user' AND member_id = :u1"
      " UNION"
      " SELECT gm.group_id FROM group_members gm JOIN member_of m"
      "   ON gm.member_kind = 'group' AND gm.member_id = m.id)"
      " SELECT sku FROM user_licenses WHERE user_id = :u2"
      " UNION"
      " SELECT gl.sku FROM group_licenses gl JOIN member_of m ON gl.group_id = m.id"
      " ORDER BY 1");
  query.into(sku).use(user_id).use(user_id);
  std::vector<std::string> skus;
  for (bool found = query.run(); found; found = query.next()) skus.push_back(sku);
  return skus;
}

int SociStoreTransaction::count_license_holders(domain::TenantId tenant, const std::string& sku) {
  const long long tenant_id = tenant;
  long long count = 0;
  // licensed(id): the groups holding the SKU and every group nested inside them.
  SqlQuery query(session_,
                 "WITH RECURSIVE licensed(id) AS ("
                 " SELECT gl.group_id FROM group_licenses gl JOIN groups g ON g.id = gl.group_id"
                 "   WHERE g.tenant_id = :t1 AND gl.sku = :s1"
                 " UNION"
                 " SELECT gm.member_id FROM group_members gm JOIN licensed l"
                 "   ON gm.group_id = l.id AND gm.member_kind = 'group')"
                 " SELECT COUNT(*) FROM ("
                 "  SELECT ul.user_id AS holder FROM user_licenses ul JOIN users u ON u.id ="
                 "   ul.user_id WHERE u.tenant_id = :t2 AND ul.sku = :s2"
                 "  UNION"
                 "  SELECT gm.member_id AS holder FROM group_members gm JOIN licensed l"
                 "   ON gm.group_id = l.id AND gm.member_kind = 'user'"
                 "   JOIN users u ON u.id = gm.member_id WHERE u.tenant_id = :t3"
                 " ) holders");
  query.into(count).use(tenant_id).use(sku).use(tenant_id).use(sku).use(tenant_id).run();
  return static_cast<int>(count);
}

bool SociStoreTransaction::assign_role(domain::UserId user, const std::string& role) {
  return insert_pair_once(session_, "role_assignments", "user_id", "role", user, role);
}

bool SociStoreTransaction::remove_role(domain::UserId user, const std::string& role) {
  return delete_pair(session_, "role_assignments", "user_id", "role", user, role);
}

std::vector<std::string> SociStoreTransaction::roles_of_user(domain::UserId user) {
  const long long user_id = user;
  std::string role;
  SqlQuery query(session_, "SELECT role FROM role_assignments WHERE user_id = :u ORDER BY role");
  query.into(role).use(user_id);
  std::vector<std::string> roles;
  for (bool found = query.run(); found; found = query.next()) roles.push_back(role);
  return roles;
}

std::vector<std::pair<std::string, std::string>> SociStoreTransaction::list_role_assignments(
    domain::TenantId tenant) {
  const long long tenant_id = tenant;
  std::string upn;
  std::string role;
  SqlQuery query(session_,
                 "SELECT u.upn, r.role FROM role_assignments r JOIN users u ON u.id = r.user_id"
                 " WHERE u.tenant_id = :t ORDER BY u.upn, r.role");
  query.into(upn).into(role).use(tenant_id);
  std::vector<std::pair<std::string, std::string>> assignments;
  for (bool found = query.run(); found; found = query.next()) assignments.emplace_back(upn, role);
  return assignments;
}

}  // namespace sspr::store
