// Users' authentication methods, security answers, tenants' own questions and registration
// records (migration 0005).
#include <algorithm>

#include "store/soci_store_transaction.h"
#include "store/sql_query.h"

namespace sspr::store {

namespace methods = domain::methods;

namespace {

// A stored type or source that this build does not know means the database was written by
// something else: that is a failure of the store, not an expected situation.
methods::MethodType stored_type(const std::string& text) {
  auto type = methods::method_type_from_string(text);
  if (!type) throw soci::soci_error("unknown authentication method type in the store");
  return *type;
}

methods::MethodSource stored_source(const std::string& text) {
  auto source = methods::method_source_from_string(text);
  if (!source) throw soci::soci_error("unknown authentication method source in the store");
  return *source;
}

}  // namespace

std::vector<methods::RegisteredMethod> SociStoreTransaction::list_methods(domain::UserId user) {
  const long long user_id = user;
  long long id = 0, last_step = 0;
  std::string type, value, extension, secret, source, created, updated;
  SqlQuery query(session_,
                 "SELECT id, type, value, extension, sealed_secret, last_totp_step, source,"
                 " created_at, updated_at FROM authentication_methods WHERE user_id = :u");
  query.into(id).into(type).into(value).into(extension).into(secret).into(last_step);
  query.into(source).into(created).into(updated).use(user_id);
  std::vector<methods::RegisteredMethod> found;
  for (bool row = query.run(); row; row = query.next()) {
    found.push_back({id, user, stored_type(type), value, extension, secret, last_step,
                     stored_source(source), created, updated});
  }
  // In id order, sorted here: the index that finds a user's methods is (user_id, type), so
  // ORDER BY id made SQLite sort the few rows in a temporary B-tree on every reset step.
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return found;
}

std::int64_t SociStoreTransaction::save_method(const methods::RegisteredMethod& method) {
  const long long user_id = method.user_id;
  const std::string type(methods::to_string(method.type));
  const std::string source(methods::to_string(method.source));
  const long long last_step = method.last_totp_step;
  long long existing = 0;
  SqlQuery find(session_, "SELECT id FROM authentication_methods WHERE user_id = :u AND type = :t");
  find.into(existing).use(user_id).use(type);
  if (find.run()) {
    SqlQuery update(session_,
                    "UPDATE authentication_methods SET value = :v, extension = :e,"
                    " sealed_secret = :s, last_totp_step = :l, source = :o, updated_at = :n"
                    " WHERE id = :i");
    update.use(method.value).use(method.extension).use(method.sealed_secret).use(last_step);
    update.use(source).use(method.updated_at).use(existing).run();
    return existing;
  }
  SqlQuery insert(session_,
                  "INSERT INTO authentication_methods (user_id, type, value, extension,"
                  " sealed_secret, last_totp_step, source, created_at, updated_at)"
                  " VALUES (:u, :t, :v, :e, :s, :l, :o, :c, :n)");
  insert.use(user_id).use(type).use(method.value).use(method.extension).use(method.sealed_secret);
  insert.use(last_step).use(source).use(method.created_at).use(method.updated_at).run();
  long long id = 0;
  SqlQuery again(session_,
                 "SELECT id FROM authentication_methods WHERE user_id = :u AND type = :t");
  again.into(id).use(user_id).use(type).run();
  return id;
}

bool SociStoreTransaction::delete_method(domain::UserId user, std::int64_t method) {
  const long long user_id = user;
  const long long id = method;
  SqlQuery query(session_, "DELETE FROM authentication_methods WHERE id = :i AND user_id = :u");
  query.use(id).use(user_id).run();
  return query.affected_rows() > 0;
}

bool SociStoreTransaction::advance_totp_step(std::int64_t method, std::int64_t from,
                                             std::int64_t to) {
  const long long id = method, old_step = from, new_step = to;
  SqlQuery query(session_,
                 "UPDATE authentication_methods SET last_totp_step = :t"
                 " WHERE id = :i AND last_totp_step = :f");
  query.use(new_step).use(id).use(old_step).run();
  return query.affected_rows() > 0;
}

std::vector<methods::SecurityAnswerRecord> SociStoreTransaction::list_security_answers(
    domain::UserId user) {
  const long long user_id = user;
  std::string question, hash, created;
  SqlQuery query(session_,
                 "SELECT question_id, answer_hash, created_at FROM security_answers"
                 " WHERE user_id = :u ORDER BY question_id");
  query.into(question).into(hash).into(created).use(user_id);
  std::vector<methods::SecurityAnswerRecord> answers;
  for (bool row = query.run(); row; row = query.next()) {
    answers.push_back({question, hash, created});
  }
  return answers;
}

void SociStoreTransaction::replace_security_answers(
    domain::UserId user, const std::vector<methods::SecurityAnswerRecord>& answers) {
  delete_security_answers(user);
  const long long user_id = user;
  for (const auto& answer : answers) {
    SqlQuery insert(session_,
                    "INSERT INTO security_answers (user_id, question_id, answer_hash, created_at)"
                    " VALUES (:u, :q, :h, :c)");
    insert.use(user_id).use(answer.question_id).use(answer.answer_hash).use(answer.created_at);
    insert.run();
  }
}

std::size_t SociStoreTransaction::delete_security_answers(domain::UserId user) {
  const long long user_id = user;
  SqlQuery query(session_, "DELETE FROM security_answers WHERE user_id = :u");
  query.use(user_id).run();
  return static_cast<std::size_t>(query.affected_rows());
}

std::vector<methods::CustomSecurityQuestion> SociStoreTransaction::list_custom_questions(
    domain::TenantId tenant) {
  const long long tenant_id = tenant;
  long long id = 0;
  std::string text, created;
  SqlQuery query(session_,
                 "SELECT id, text, created_at FROM tenant_security_questions"
                 " WHERE tenant_id = :t ORDER BY id");
  query.into(id).into(text).into(created).use(tenant_id);
  std::vector<methods::CustomSecurityQuestion> questions;
  for (bool row = query.run(); row; row = query.next()) {
    questions.push_back({id, tenant, text, created});
  }
  return questions;
}

std::int64_t SociStoreTransaction::insert_custom_question(domain::TenantId tenant,
                                                          const std::string& text,
                                                          const std::string& now) {
  const long long tenant_id = tenant;
  SqlQuery insert(session_,
                  "INSERT INTO tenant_security_questions (tenant_id, text, created_at)"
                  " VALUES (:t, :x, :c)");
  insert.use(tenant_id).use(text).use(now).run();
  long long id = 0;
  SqlQuery find(session_,
                "SELECT id FROM tenant_security_questions WHERE tenant_id = :t AND text = :x");
  find.into(id).use(tenant_id).use(text).run();
  return id;
}

bool SociStoreTransaction::delete_custom_question(domain::TenantId tenant, std::int64_t question) {
  const long long tenant_id = tenant, id = question;
  SqlQuery query(session_,
                 "DELETE FROM tenant_security_questions WHERE id = :i AND tenant_id = :t");
  query.use(id).use(tenant_id).run();
  return query.affected_rows() > 0;
}

std::optional<methods::RegistrationRecord> SociStoreTransaction::find_registration_record(
    domain::UserId user) {
  const long long user_id = user;
  std::string confirmed, registered;
  SqlQuery query(session_,
                 "SELECT last_confirmed_at, registered_at FROM registration_records"
                 " WHERE user_id = :u");
  query.into(confirmed).into(registered).use(user_id);
  if (!query.run()) return std::nullopt;
  return methods::RegistrationRecord{user, confirmed, registered};
}

void SociStoreTransaction::save_registration_record(const methods::RegistrationRecord& record) {
  const long long user_id = record.user_id;
  SqlQuery update(session_,
                  "UPDATE registration_records SET last_confirmed_at = :c, registered_at = :r"
                  " WHERE user_id = :u");
  update.use(record.last_confirmed_at).use(record.registered_at).use(user_id).run();
  if (update.affected_rows() > 0) return;
  SqlQuery insert(session_,
                  "INSERT INTO registration_records (user_id, last_confirmed_at, registered_at)"
                  " VALUES (:u, :c, :r)");
  insert.use(user_id).use(record.last_confirmed_at).use(record.registered_at).run();
}

}  // namespace sspr::store
