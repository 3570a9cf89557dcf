// One-time codes and pending method registrations (migration 0005).
#include "domain/clock.h"
#include "store/soci_store_transaction.h"
#include "store/sql_query.h"

namespace sspr::store {

namespace methods = domain::methods;

namespace {

std::chrono::system_clock::time_point stored_time(const std::string& text) {
  auto time = domain::parse_iso8601(text);
  if (!time) throw soci::soci_error("malformed time in the store");
  return *time;
}

methods::MethodType stored_type(const std::string& text) {
  auto type = methods::method_type_from_string(text);
  if (!type) throw soci::soci_error("unknown authentication method type in the store");
  return *type;
}

methods::Channel stored_channel(const std::string& text) {
  auto channel = methods::channel_from_string(text);
  if (!channel) throw soci::soci_error("unknown code channel in the store");
  return *channel;
}

methods::CodePurpose stored_purpose(const std::string& text) {
  if (text == methods::to_string(methods::CodePurpose::kRegistration)) {
    return methods::CodePurpose::kRegistration;
  }
  if (text == methods::to_string(methods::CodePurpose::kReset)) return methods::CodePurpose::kReset;
  throw soci::soci_error("unknown code purpose in the store");
}

}  // namespace

void SociStoreTransaction::insert_code(const methods::IssuedCode& code) {
  const long long user_id = code.user_id;
  const std::string purpose(methods::to_string(code.purpose));
  const std::string method(methods::to_string(code.method));
  const std::string channel(methods::to_string(code.state.channel));
  const std::string issued = domain::to_iso8601(code.state.issued_at);
  const int wrong = code.state.wrong_entries;
  const int consumed = code.state.consumed ? 1 : 0;
  SqlQuery insert(session_,
                  "INSERT INTO one_time_codes (id, user_id, purpose, subject_id, method, channel,"
                  " target, code_digest, issued_at, wrong_entries, consumed)"
                  " VALUES (:i, :u, :p, :s, :m, :c, :t, :d, :a, :w, :x)");
  insert.use(code.id).use(user_id).use(purpose).use(code.subject_id).use(method).use(channel);
  insert.use(code.target).use(code.state.code_digest).use(issued).use(wrong).use(consumed).run();
}

std::optional<methods::IssuedCode> SociStoreTransaction::find_code(const std::string& id) {
  long long user_id = 0;
  int wrong = 0, consumed = 0;
  std::string purpose, subject, method, channel, target, digest, issued;
  SqlQuery query(session_,
                 "SELECT user_id, purpose, subject_id, method, channel, target, code_digest,"
                 " issued_at, wrong_entries, consumed FROM one_time_codes WHERE id = :i");
  query.into(user_id).into(purpose).into(subject).into(method).into(channel).into(target);
  query.into(digest).into(issued).into(wrong).into(consumed).use(id);
  if (!query.run()) return std::nullopt;
  methods::IssuedCode code;
  code.id = id;
  code.user_id = user_id;
  code.purpose = stored_purpose(purpose);
  code.subject_id = subject;
  code.method = stored_type(method);
  code.target = target;
  code.state.code_digest = digest;
  code.state.channel = stored_channel(channel);
  code.state.issued_at = stored_time(issued);
  code.state.wrong_entries = wrong;
  code.state.consumed = consumed != 0;
  return code;
}

bool SociStoreTransaction::update_code_state(const std::string& id,
                                             const methods::OneTimeCodeState& expected,
                                             const methods::OneTimeCodeState& next) {
  const int next_wrong = next.wrong_entries, next_consumed = next.consumed ? 1 : 0;
  const int old_wrong = expected.wrong_entries, old_consumed = expected.consumed ? 1 : 0;
  SqlQuery update(session_,
                  "UPDATE one_time_codes SET wrong_entries = :w, consumed = :c"
                  " WHERE id = :i AND wrong_entries = :ow AND consumed = :oc");
  update.use(next_wrong).use(next_consumed).use(id).use(old_wrong).use(old_consumed).run();
  return update.affected_rows() > 0;
}

std::size_t SociStoreTransaction::count_codes_issued(domain::UserId user,
                                                     methods::CodePurpose purpose,
                                                     const std::string& since) {
  const long long user_id = user;
  const std::string purpose_text(methods::to_string(purpose));
  long long count = 0;
  SqlQuery query(session_,
                 "SELECT COUNT(*) FROM one_time_codes"
                 " WHERE user_id = :u AND purpose = :p AND issued_at >= :s");
  query.into(count).use(user_id).use(purpose_text).use(since).run();
  return static_cast<std::size_t>(count);
}

void SociStoreTransaction::insert_pending_registration(const methods::PendingRegistration& p) {
  const long long user_id = p.user_id;
  const std::string type(methods::to_string(p.type));
  SqlQuery insert(session_,
                  "INSERT INTO pending_registrations (id, user_id, type, value, extension,"
                  " sealed_secret, code_id, created_at, expires_at)"
                  " VALUES (:i, :u, :t, :v, :e, :s, :c, :a, :x)");
  insert.use(p.id).use(user_id).use(type).use(p.value).use(p.extension).use(p.sealed_secret);
  insert.use(p.code_id).use(p.created_at).use(p.expires_at).run();
}

std::optional<methods::PendingRegistration> SociStoreTransaction::find_pending_registration(
    const std::string& id) {
  long long user_id = 0;
  std::string type, value, extension, secret, code_id, created, expires;
  SqlQuery query(session_,
                 "SELECT user_id, type, value, extension, sealed_secret, code_id, created_at,"
                 " expires_at FROM pending_registrations WHERE id = :i");
  query.into(user_id).into(type).into(value).into(extension).into(secret).into(code_id);
  query.into(created).into(expires).use(id);
  if (!query.run()) return std::nullopt;
  return methods::PendingRegistration{id,     user_id, stored_type(type), value,  extension,
                                      secret, code_id, created,           expires};
}

void SociStoreTransaction::delete_pending_registration(const std::string& id) {
  SqlQuery query(session_, "DELETE FROM pending_registrations WHERE id = :i");
  query.use(id).run();
}

std::size_t SociStoreTransaction::delete_expired_registrations(const std::string& now) {
  SqlQuery query(session_, "DELETE FROM pending_registrations WHERE expires_at < :n");
  query.use(now).run();
  return static_cast<std::size_t>(query.affected_rows());
}

}  // namespace sspr::store
