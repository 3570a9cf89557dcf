// Reset flows and throttle counters (migrations 0007, 0008).
#include "domain/clock.h"
#include "store/soci_store_transaction.h"
#include "store/sql_query.h"

namespace sspr::store {

namespace reset = domain::reset;
namespace methods = domain::methods;

namespace {

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ",") + item;
  return out;
}

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    items.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return items;
}

methods::MethodType stored_method(const std::string& text) {
  auto type = methods::method_type_from_string(text);
  if (!type) throw soci::soci_error("unknown authentication method type in the store");
  return *type;
}

std::chrono::system_clock::time_point stored_time(const std::string& text) {
  auto time = domain::parse_iso8601(text);
  if (!time) throw soci::soci_error("malformed time in the store");
  return *time;
}

// The columns of a flow that change with its steps.
struct FlowColumns {
  std::string state, gates, pending_method, pending_code, pending_questions, last_step, send_failed;

  explicit FlowColumns(const reset::ResetFlow& flow)
      : state(reset::to_string(flow.state)),
        last_step(domain::to_iso8601(flow.last_step_at)),
        send_failed(flow.send_failed_at ? domain::to_iso8601(*flow.send_failed_at) : "") {
    std::vector<std::string> passed;
    for (auto method : flow.gates_passed) passed.emplace_back(methods::to_string(method));
    gates = joined(passed);
    if (flow.pending) {
      pending_method = methods::to_string(flow.pending->method);
      pending_code = flow.pending->code_id;
      pending_questions = joined(flow.pending->question_ids);
    }
  }
};

}  // namespace

void SociStoreTransaction::insert_reset_flow(const reset::ResetFlow& flow) {
  const FlowColumns columns(flow);
  const long long tenant_id = flow.tenant_id, user_id = flow.user_id, version = flow.version;
  const int gates_required = flow.gates_required;
  const std::string created = domain::to_iso8601(flow.created_at);
  const std::string reason(reset::to_string(flow.reason));
  SqlQuery insert(session_,
                  "INSERT INTO reset_flows (id, tenant_id, user_id, state, gates_required,"
                  " gates_passed, pending_method, pending_code_id, pending_questions,"
                  " correlation_id, created_at, last_step_at, version, reason, send_failed_at)"
                  " VALUES (:i, :t, :u, :s, :r, :g, :pm, :pc, :pq, :c, :a, :l, :v, :rs, :sf)");
  insert.use(flow.id).use(tenant_id).use(user_id).use(columns.state).use(gates_required);
  insert.use(columns.gates).use(columns.pending_method).use(columns.pending_code);
  insert.use(columns.pending_questions).use(flow.correlation_id).use(created);
  insert.use(columns.last_step).use(version).use(reason).use(columns.send_failed).run();
}

std::optional<reset::ResetFlow> SociStoreTransaction::find_reset_flow(const std::string& id) {
  long long tenant_id = 0, user_id = 0, version = 0;
  int gates_required = 0;
  std::string state, gates, pending_method, pending_code, pending_questions, correlation, created,
      last_step, reason, send_failed;
  SqlQuery query(session_,
                 "SELECT tenant_id, user_id, state, gates_required, gates_passed, pending_method,"
                 " pending_code_id, pending_questions, correlation_id, created_at, last_step_at,"
                 " version, reason, send_failed_at FROM reset_flows WHERE id = :i");
  query.into(tenant_id).into(user_id).into(state).into(gates_required).into(gates);
  query.into(pending_method).into(pending_code).into(pending_questions).into(correlation);
  query.into(created).into(last_step).into(version).into(reason).into(send_failed).use(id);
  if (!query.run()) return std::nullopt;
  reset::ResetFlow flow;
  flow.id = id;
  flow.tenant_id = tenant_id;
  flow.user_id = user_id;
  auto parsed_state = reset::flow_state_from_string(state);
  if (!parsed_state) throw soci::soci_error("unknown reset flow state in the store");
  flow.state = *parsed_state;
  flow.gates_required = gates_required;
  for (const auto& name : split(gates)) flow.gates_passed.push_back(stored_method(name));
  if (!pending_method.empty()) {
    flow.pending = reset::PendingChallenge{stored_method(pending_method), pending_code,
                                           split(pending_questions)};
  }
  flow.correlation_id = correlation;
  auto parsed_reason = reset::reset_reason_from_string(reason);
  if (!parsed_reason) throw soci::soci_error("unknown reset flow reason in the store");
  flow.reason = *parsed_reason;
  if (!send_failed.empty()) flow.send_failed_at = stored_time(send_failed);
  flow.created_at = stored_time(created);
  flow.last_step_at = stored_time(last_step);
  flow.version = version;
  return flow;
}

bool SociStoreTransaction::update_reset_flow(const reset::ResetFlow& flow) {
  const FlowColumns columns(flow);
  const long long version = flow.version;
  SqlQuery update(session_,
                  "UPDATE reset_flows SET state = :s, gates_passed = :g, pending_method = :pm,"
                  " pending_code_id = :pc, pending_questions = :pq, last_step_at = :l,"
                  " send_failed_at = :sf, version = version + 1 WHERE id = :i AND version = :v");
  update.use(columns.state).use(columns.gates).use(columns.pending_method);
  update.use(columns.pending_code).use(columns.pending_questions).use(columns.last_step);
  update.use(columns.send_failed).use(flow.id).use(version).run();
  return update.affected_rows() > 0;
}

std::string SociStoreTransaction::lock_throttle_key(const std::string& key) {
  // One statement creates the row when new and otherwise updates it to itself, which locks it:
  // PostgreSQL holds the row lock until commit (a concurrent attempt on the same key waits);
  // SQLite already holds the database's write lock (BEGIN IMMEDIATE). Either way the row as it
  // then stands comes back.
  std::string blocked_until;
  SqlQuery lock(session_,
                "INSERT INTO throttle_keys (throttle_key, blocked_until) VALUES (:k, '')"
                " ON CONFLICT (throttle_key) DO UPDATE SET throttle_key = excluded.throttle_key"
                " RETURNING blocked_until");
  lock.into(blocked_until).use(key).run();
  return blocked_until;
}

void SociStoreTransaction::set_throttle_block(const std::string& key,
                                              const std::string& blocked_until) {
  SqlQuery update(session_, "UPDATE throttle_keys SET blocked_until = :b WHERE throttle_key = :k");
  update.use(blocked_until).use(key).run();
}

int SociStoreTransaction::count_throttle_attempts(const std::string& key, const std::string& action,
                                                  const std::string& since) {
  long long count = 0;
  SqlQuery query(session_,
                 "SELECT COUNT(*) FROM throttle_attempts"
                 " WHERE throttle_key = :k AND action = :a AND at >= :s");
  query.into(count).use(key).use(action).use(since).run();
  return static_cast<int>(count);
}

void SociStoreTransaction::record_throttle_attempt(const std::string& key,
                                                   const std::string& action,
                                                   const std::string& at) {
  SqlQuery insert(session_,
                  "INSERT INTO throttle_attempts (throttle_key, action, at) VALUES (:k, :a, :t)");
  insert.use(key).use(action).use(at).run();
}

void SociStoreTransaction::clear_throttle_attempts(const std::string& key) {
  SqlQuery remove(session_, "DELETE FROM throttle_attempts WHERE throttle_key = :k");
  remove.use(key).run();
}

}  // namespace sspr::store
