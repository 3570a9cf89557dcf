// Signed-in sessions and sign-in failure counters (migration 0004).
#include <sstream>

#include "domain/clock.h"
#include "store/soci_store_transaction.h"
#include "store/sql_query.h"

namespace sspr::store {
namespace {

std::string join_digests(const std::vector<std::string>& digests) {
  std::string out;
  for (const auto& digest : digests) out += (out.empty() ? "" : " ") + digest;
  return out;
}

std::vector<std::string> split_digests(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string digest; in >> digest;) out.push_back(digest);
  return out;
}

}  // namespace

void SociStoreTransaction::insert_session(const domain::Session& session) {
  const long long user = session.user_id;
  const long long tenant = session.tenant_id;
  const int must_register = session.must_register ? 1 : 0;
  SqlQuery query(session_,
                 "INSERT INTO sessions (id, user_id, tenant_id, created_at, last_seen_at,"
                 " idle_expires_at, absolute_expires_at, must_register)"
                 " VALUES (:i, :u, :t, :c, :l, :e, :a, :r)");
  query.use(session.id)
      .use(user)
      .use(tenant)
      .use(session.created_at)
      .use(session.last_seen_at)
      .use(session.idle_expires_at)
      .use(session.absolute_expires_at)
      .use(must_register)
      .run();
}

std::optional<domain::Session> SociStoreTransaction::find_session(const std::string& id) {
  domain::Session found;
  long long user = 0;
  long long tenant = 0;
  int must_register = 0;
  SqlQuery query(session_,
                 "SELECT id, user_id, tenant_id, created_at, last_seen_at, idle_expires_at,"
                 " absolute_expires_at, must_register FROM sessions WHERE id = :i");
  query.into(found.id)
      .into(user)
      .into(tenant)
      .into(found.created_at)
      .into(found.last_seen_at)
      .into(found.idle_expires_at)
      .into(found.absolute_expires_at)
      .into(must_register)
      .use(id);
  if (!query.run()) return std::nullopt;
  found.user_id = user;
  found.tenant_id = tenant;
  found.must_register = must_register != 0;
  return found;
}

void SociStoreTransaction::touch_session(const std::string& id, const std::string& last_seen_at,
                                         const std::string& idle_expires_at) {
  SqlQuery query(session_,
                 "UPDATE sessions SET last_seen_at = :l, idle_expires_at = :e WHERE id = :i");
  query.use(last_seen_at).use(idle_expires_at).use(id).run();
}

void SociStoreTransaction::set_session_must_register(const std::string& id, bool must_register) {
  const int value = must_register ? 1 : 0;
  SqlQuery query(session_, "UPDATE sessions SET must_register = :r WHERE id = :i");
  query.use(value).use(id).run();
}

bool SociStoreTransaction::delete_session(const std::string& id) {
  SqlQuery query(session_, "DELETE FROM sessions WHERE id = :i");
  query.use(id).run();
  return query.affected_rows() > 0;
}

std::size_t SociStoreTransaction::delete_other_sessions(domain::UserId user,
                                                        const std::string& keep_id) {
  const long long id = user;
  SqlQuery query(session_, "DELETE FROM sessions WHERE user_id = :u AND id <> :k");
  query.use(id).use(keep_id).run();
  return static_cast<std::size_t>(query.affected_rows());
}

std::size_t SociStoreTransaction::delete_expired_sessions(const std::string& now) {
  SqlQuery query(session_,
                 "DELETE FROM sessions WHERE idle_expires_at <= :n OR absolute_expires_at <= :m");
  query.use(now).use(now).run();
  return static_cast<std::size_t>(query.affected_rows());
}

domain::SignInFailures SociStoreTransaction::lock_sign_in_failures(domain::UserId user) {
  const long long id = user;
  // Make sure the row exists, then lock it with a no-op UPDATE: PostgreSQL holds the row lock
  // until commit (a concurrent sign-in waits here); SQLite already holds the write lock
  // (BEGIN IMMEDIATE). The same statements run on both.
  SqlQuery ensure(session_,
                  "INSERT INTO sign_in_failures (user_id) VALUES (:u)"
                  " ON CONFLICT (user_id) DO NOTHING");
  ensure.use(id).run();
  SqlQuery lock(session_, "UPDATE sign_in_failures SET user_id = user_id WHERE user_id = :u");
  lock.use(id).run();
  int failures = 0;
  int round = 0;
  std::string until;
  std::string recent;
  std::string last_failure;
  SqlQuery query(session_,
                 "SELECT failures, lockout_round, lockout_until, recent_wrong, last_failure_at"
                 " FROM sign_in_failures WHERE user_id = :u");
  query.into(failures).into(round).into(until).into(recent).into(last_failure).use(id);
  domain::SignInFailures state;
  if (!query.run()) return state;
  state.failures = failures;
  state.lockout_round = round;
  if (!until.empty()) state.lockout_until = domain::parse_iso8601(until);
  state.recent_wrong = split_digests(recent);
  if (!last_failure.empty()) state.last_failure = domain::parse_iso8601(last_failure);
  return state;
}

void SociStoreTransaction::save_sign_in_failures(domain::UserId user,
                                                 const domain::SignInFailures& state) {
  const long long id = user;
  const int failures = state.failures;
  const int round = state.lockout_round;
  const std::string until = state.lockout_until ? domain::to_iso8601(*state.lockout_until) : "";
  const std::string recent = join_digests(state.recent_wrong);
  const std::string last_failure =
      state.last_failure ? domain::to_iso8601(*state.last_failure) : "";
  SqlQuery query(session_,
                 "UPDATE sign_in_failures SET failures = :f, lockout_round = :r,"
                 " lockout_until = :l, recent_wrong = :w, last_failure_at = :n WHERE user_id = :u");
  query.use(failures).use(round).use(until).use(recent).use(last_failure).use(id).run();
}

std::size_t SociStoreTransaction::forget_sign_in_failures_before(const std::string& before) {
  SqlQuery query(session_,
                 "UPDATE sign_in_failures SET failures = 0, recent_wrong = ''"
                 " WHERE last_failure_at < :b AND (failures <> 0 OR recent_wrong <> '')");
  query.use(before).run();
  return static_cast<std::size_t>(query.affected_rows());
}

}  // namespace sspr::store
