// Sealed secrets at rest across authentication_methods and pending_registrations (migration
// 0005), for key rotation (issue 9).
#include <string>

#include "store/soci_store_transaction.h"
#include "store/sql_query.h"

namespace sspr::store {
namespace {

using Holder = SealedSecret::Holder;

// The table of each holder.
struct HolderTable {
  Holder holder;
  const char* table;
};
constexpr HolderTable kHolders[] = {{Holder::kAuthenticationMethod, "authentication_methods"},
                                    {Holder::kPendingRegistration, "pending_registrations"}};

// Runs `sql` (selecting id as text and sealed_secret) and hands each row to `each`, which
// returns false to stop.
template <typename Each>
void select_sealed(soci::session& session, Holder holder, const std::string& sql,
                   const std::string* bound, Each&& each) {
  SealedSecret row;
  row.holder = holder;
  SqlQuery query(session, sql);
  query.into(row.id).into(row.sealed);
  if (bound) query.use(*bound);
  for (bool found = query.run(); found; found = query.next()) {
    if (!each(row)) return;
  }
}

}  // namespace

void SociStoreTransaction::each_sealed_secret(
    const std::function<void(const SealedSecret&)>& each) {
  for (const auto& [holder, table] : kHolders) {
    select_sealed(session_, holder,
                  std::string("SELECT CAST(id AS TEXT), sealed_secret FROM ") + table +
                      " WHERE sealed_secret <> '' ORDER BY id",
                  nullptr, [&](const SealedSecret& row) {
                    each(row);
                    return true;
                  });
  }
}

std::vector<SealedSecret> SociStoreTransaction::sealed_secrets_not_starting_with(
    const std::string& prefix, std::size_t limit) {
  std::vector<SealedSecret> found;
  // The prefix's length and the limit are numbers we computed, not input: they go into the SQL
  // text so the same statement works on both backends without typing a bound integer.
  const std::string length = std::to_string(prefix.size());
  for (const auto& [holder, table] : kHolders) {
    if (found.size() >= limit) break;
    select_sealed(session_, holder,
                  std::string("SELECT CAST(id AS TEXT), sealed_secret FROM ") + table +
                      " WHERE sealed_secret <> '' AND substr(sealed_secret, 1, " + length +
                      ") <> :p ORDER BY id LIMIT " + std::to_string(limit - found.size()),
                  &prefix, [&](const SealedSecret& row) {
                    found.push_back(row);
                    return found.size() < limit;
                  });
  }
  return found;
}

bool SociStoreTransaction::replace_sealed_secret(const SealedSecret& secret,
                                                 const std::string& sealed) {
  if (secret.holder == Holder::kAuthenticationMethod) {
    const long long id = std::stoll(secret.id);
    SqlQuery update(session_,
                    "UPDATE authentication_methods SET sealed_secret = :s WHERE id = :i"
                    " AND sealed_secret = :o");
    update.use(sealed).use(id).use(secret.sealed).run();
    return update.affected_rows() > 0;
  }
  SqlQuery update(session_,
                  "UPDATE pending_registrations SET sealed_secret = :s WHERE id = :i"
                  " AND sealed_secret = :o");
  update.use(sealed).use(secret.id).use(secret.sealed).run();
  return update.affected_rows() > 0;
}

}  // namespace sspr::store
