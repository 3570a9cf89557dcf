// Used CAPTCHA challenges (migration 0006).
#include "store/soci_store_transaction.h"
#include "store/sql_query.h"

namespace sspr::store {

bool SociStoreTransaction::record_used_captcha(const std::string& challenge,
                                               const std::string& expires_at) {
  // ON CONFLICT DO NOTHING instead of a failing INSERT: on PostgreSQL a failed statement
  // aborts the whole transaction. A concurrent insert of the same key waits for the other
  // transaction and then inserts nothing.
  SqlQuery insert(session_,
                  "INSERT INTO used_captchas (challenge, expires_at) VALUES (:c, :e)"
                  " ON CONFLICT (challenge) DO NOTHING");
  insert.use(challenge).use(expires_at).run();
  return insert.affected_rows() == 1;
}

bool SociStoreTransaction::captcha_used(const std::string& challenge) {
  long long found = 0;
  SqlQuery query(session_, "SELECT COUNT(*) FROM used_captchas WHERE challenge = :c");
  query.into(found).use(challenge).run();
  return found > 0;
}

std::size_t SociStoreTransaction::delete_expired_captchas(const std::string& now) {
  SqlQuery query(session_, "DELETE FROM used_captchas WHERE expires_at <= :n");
  query.use(now).run();
  return static_cast<std::size_t>(query.affected_rows());
}

}  // namespace sspr::store
