#pragma once
// The store port: everything OpenSSPR keeps. One implementation (SociStore) serves SQLite
// and PostgreSQL. All access happens inside Store::transact, so a change and its audit
// record are committed together or not at all.
//
// Contract for implementations: methods never throw for expected situations (missing rows
// return nullopt / false); database failures are turned into a StoreUnavailable error by
// transact(), which then rolls back.

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/api_token.h"
#include "domain/audit_event.h"
#include "domain/group.h"
#include "domain/group_graph.h"
#include "domain/license_assignment.h"
#include "domain/methods/custom_security_question.h"
#include "domain/methods/issued_code.h"
#include "domain/methods/pending_registration.h"
#include "domain/methods/registered_method.h"
#include "domain/methods/registration_record.h"
#include "domain/methods/security_answer_record.h"
#include "domain/onprem/connection_settings.h"
#include "domain/onprem/connection_status.h"
#include "domain/onprem/sync_plan.h"
#include "domain/onprem/sync_state.h"
#include "domain/policy/sspr_policy.h"
#include "domain/reset/reset_flow.h"
#include "domain/result.h"
#include "domain/session.h"
#include "domain/sign_in_lockout.h"
#include "domain/tenant.h"
#include "domain/user.h"

namespace sspr::store {

struct AuditQuery {
  std::optional<domain::TenantId> tenant_id;
  std::string since;     // ISO 8601, inclusive; empty = no bound
  std::string until;     // ISO 8601, exclusive; empty = no bound
  std::string activity;  // exact; empty = any
  std::string category;  // exact; empty = any
  std::string target;    // exact; empty = any
  std::string correlation_id;
  std::size_t offset = 0;
  std::size_t limit = 100;
  // --- support codes (SPEC §4, §12) ---
  std::string support_code = {};  // exact; empty = any (index audit_events_by_support_code)
  // --- end support codes ---
  // --- audit filters, keyset paging and export (issue 7) ---
  std::string user = {};                     // the target or the actor, exact; empty = any
  std::string result = {};                   // "success" | "failure"; empty = any
  std::vector<std::string> activities = {};  // any of these; empty = any
  std::int64_t before_seq = 0;  // keyset paging: only records with a smaller seq; 0 = no bound
  // --- end audit filters ---
};

// --- audit export and aggregation (issue 7) ---
// One audit record as stored, details as its JSON text: the export's row, read without
// building a JSON value per record.
struct AuditRow {
  long long seq = 0;
  std::string id, time;
  long long tenant_id = 0;
  std::string category, activity, actor, target, result, result_reason, correlation_id,
      support_code, client_ip, details;
};

// Columns an audit count can group by; kDay is the UTC date (YYYY-MM-DD) of the time.
enum class AuditColumn { kDay, kActivity, kResult, kResultReason, kActor };

struct AuditCount {
  std::vector<std::string> keys;  // one per group_by column, in that order
  long long count = 0;
};
// --- end audit export and aggregation ---

// --- tenant-wide reads of security info (diagnose, the registration report) ---
// A registered phone, email or app of one of a tenant's users.
struct TenantMethodRow {
  domain::UserId user = 0;
  std::string type;        // the method type's name
  std::string updated_at;  // ISO 8601 of its last save, by the user, an administrator or a sync
};
// A tenant user's security answers.
struct TenantAnswersRow {
  domain::UserId user = 0;
  int count = 0;
  std::string newest;  // ISO 8601 of the newest answer's save
};
// --- end tenant-wide reads of security info ---

// --- sealed secrets at rest (key rotation, issue 9) ---
// A stored platform::SecretBox value: an authenticator app's secret (authentication_methods)
// or one being registered (pending_registrations).
struct SealedSecret {
  enum class Holder { kAuthenticationMethod, kPendingRegistration };
  Holder holder = Holder::kAuthenticationMethod;
  std::string id;      // the holding row's id (a method's id in decimal)
  std::string sealed;  // never empty
};
// --- end sealed secrets ---

class StoreTransaction {
 public:
  virtual ~StoreTransaction() = default;

  // Tenants. Domains are unique across tenants.
  virtual domain::TenantId insert_tenant(const std::string& name, const std::string& now) = 0;
  virtual void insert_domain(domain::TenantId tenant, const std::string& domain) = 0;
  virtual std::optional<domain::TenantId> tenant_of_domain(const std::string& domain) = 0;
  virtual std::optional<domain::Tenant> find_tenant(domain::TenantId tenant) = 0;
  virtual std::vector<domain::Tenant> list_tenants() = 0;

  // Users. UPNs are unique across tenants.
  virtual domain::UserId insert_user(const domain::User& user, const std::string& now) = 0;
  virtual std::optional<domain::User> find_user_by_upn(const std::string& upn) = 0;
  virtual std::optional<domain::User> find_user(domain::UserId user) = 0;
  virtual std::vector<domain::User> list_users(domain::TenantId tenant, std::size_t offset,
                                               std::size_t limit) = 0;
  virtual std::size_t count_users(domain::TenantId tenant) = 0;
  virtual void update_user(const domain::User& user, const std::string& now) = 0;
  virtual void delete_user(domain::UserId user) = 0;
  virtual void set_password_hash(domain::UserId user, const std::string& hash,
                                 const std::string& now) = 0;
  virtual std::optional<std::string> password_hash(domain::UserId user) = 0;

  // Groups. Names are unique per tenant, compared case-insensitively.
  virtual domain::GroupId insert_group(const domain::Group& group, const std::string& now) = 0;
  virtual std::optional<domain::Group> find_group_by_name(domain::TenantId tenant,
                                                          const std::string& name) = 0;
  virtual std::optional<domain::Group> find_group(domain::GroupId group) = 0;
  virtual std::vector<domain::Group> list_groups(domain::TenantId tenant) = 0;
  virtual void delete_group(domain::GroupId group) = 0;

  // Membership. add_member returns false when the member was already there.
  virtual bool add_member(domain::GroupId group, domain::MemberKind kind, std::int64_t member) = 0;
  virtual bool remove_member(domain::GroupId group, domain::MemberKind kind,
                             std::int64_t member) = 0;
  virtual std::vector<domain::GroupMember> list_members(domain::GroupId group) = 0;
  // Every group the user belongs to, directly or through nesting, each once (cycles end).
  virtual std::vector<domain::Group> transitive_groups_of_user(domain::UserId user) = 0;
  virtual bool is_transitive_member(domain::UserId user, domain::GroupId group) = 0;
  // Bulk form for reports and diagnose: every group-in-group edge of the tenant (child = the
  // member group, parent = the containing group), for domain::GroupGraph.
  virtual std::vector<domain::GroupGraph::Edge> group_edges(domain::TenantId tenant) = 0;

  // Licences.
  virtual void upsert_subscription(domain::TenantId tenant, const std::string& sku,
                                   std::optional<int> seats) = 0;
  virtual std::optional<domain::Subscription> find_subscription(domain::TenantId tenant,
                                                                const std::string& sku) = 0;
  virtual std::vector<domain::Subscription> list_subscriptions(domain::TenantId tenant) = 0;
  // Assign returns false when that exact assignment existed already.
  virtual bool assign_license_to_user(domain::UserId user, const std::string& sku) = 0;
  virtual bool assign_license_to_group(domain::GroupId group, const std::string& sku) = 0;
  virtual bool remove_license_from_user(domain::UserId user, const std::string& sku) = 0;
  virtual bool remove_license_from_group(domain::GroupId group, const std::string& sku) = 0;
  virtual std::vector<domain::LicenseAssignment> list_license_assignments(
      domain::TenantId tenant) = 0;
  // The SKUs a user holds directly or through any (nested) group, each once, sorted.
  virtual std::vector<std::string> effective_skus_of_user(domain::UserId user) = 0;
  // Distinct users of the tenant holding the SKU directly or through groups.
  virtual int count_license_holders(domain::TenantId tenant, const std::string& sku) = 0;

  // Administrator roles. assign returns false when the user held the role already.
  virtual bool assign_role(domain::UserId user, const std::string& role) = 0;
  virtual bool remove_role(domain::UserId user, const std::string& role) = 0;
  virtual std::vector<std::string> roles_of_user(domain::UserId user) = 0;
  // (upn, role) pairs of the tenant.
  virtual std::vector<std::pair<std::string, std::string>> list_role_assignments(
      domain::TenantId tenant) = 0;

  // API tokens, looked up by the hash of the presented token.
  virtual std::int64_t insert_token(const domain::ApiToken& token, const std::string& hash) = 0;
  virtual std::optional<domain::ApiToken> find_token_by_hash(const std::string& hash) = 0;
  virtual std::optional<domain::ApiToken> find_token_by_name(domain::TenantId tenant,
                                                             const std::string& name) = 0;
  virtual std::vector<domain::ApiToken> list_tokens(domain::TenantId tenant) = 0;
  virtual void revoke_token(std::int64_t token) = 0;

  // A tenant's custom banned password terms (normalised UTF-8, stored as given), sorted.
  // add returns false when the term was there already; remove returns false when it was not.
  virtual std::vector<std::string> list_banned_terms(domain::TenantId tenant) = 0;
  virtual bool add_banned_term(domain::TenantId tenant, const std::string& term,
                               const std::string& now) = 0;
  virtual bool remove_banned_term(domain::TenantId tenant, const std::string& term) = 0;

  // --- Authentication methods (SPEC §3) -----------------------------------------------------
  // A user's phones, alternate email and authenticator app, by type.
  virtual std::vector<domain::methods::RegisteredMethod> list_methods(domain::UserId user) = 0;
  // Inserts, or replaces the user's method of the same type (keeping its id and created_at);
  // returns the id.
  virtual std::int64_t save_method(const domain::methods::RegisteredMethod& method) = 0;
  // Returns false when the user has no method with that id.
  virtual bool delete_method(domain::UserId user, std::int64_t method) = 0;
  // Compare-and-set of an app's last accepted TOTP step: true only when it was still `from`,
  // so a code accepted on one node is refused on every other.
  virtual bool advance_totp_step(std::int64_t method, std::int64_t from, std::int64_t to) = 0;

  // A user's security answers (hashes only), replaced as a set.
  virtual std::vector<domain::methods::SecurityAnswerRecord> list_security_answers(
      domain::UserId user) = 0;
  virtual void replace_security_answers(
      domain::UserId user, const std::vector<domain::methods::SecurityAnswerRecord>& answers) = 0;
  // Returns how many were deleted.
  virtual std::size_t delete_security_answers(domain::UserId user) = 0;

  // A tenant's own security questions, by id.
  virtual std::vector<domain::methods::CustomSecurityQuestion> list_custom_questions(
      domain::TenantId tenant) = 0;
  virtual std::int64_t insert_custom_question(domain::TenantId tenant, const std::string& text,
                                              const std::string& now) = 0;
  virtual bool delete_custom_question(domain::TenantId tenant, std::int64_t question) = 0;

  // One-time codes. update_code_state is a compare-and-set: it writes `next` only when the
  // stored state still equals `expected` (wrong entries and consumed), and says whether it did,
  // so two nodes verifying the same code at once cannot both accept it.
  virtual void insert_code(const domain::methods::IssuedCode& code) = 0;
  virtual std::optional<domain::methods::IssuedCode> find_code(const std::string& id) = 0;
  virtual bool update_code_state(const std::string& id,
                                 const domain::methods::OneTimeCodeState& expected,
                                 const domain::methods::OneTimeCodeState& next) = 0;
  // Codes issued to the user at or after `since` (ISO 8601), for throttling.
  virtual std::size_t count_codes_issued(domain::UserId user, domain::methods::CodePurpose purpose,
                                         const std::string& since) = 0;

  // Methods being added, until proved.
  virtual void insert_pending_registration(const domain::methods::PendingRegistration& pending) = 0;
  virtual std::optional<domain::methods::PendingRegistration> find_pending_registration(
      const std::string& id) = 0;
  virtual void delete_pending_registration(const std::string& id) = 0;
  // Drops every pending registration that expired before `now`; returns how many.
  virtual std::size_t delete_expired_registrations(const std::string& now) = 0;

  virtual std::optional<domain::methods::RegistrationRecord> find_registration_record(
      domain::UserId user) = 0;
  virtual void save_registration_record(const domain::methods::RegistrationRecord& record) = 0;
  // --- end of authentication methods ---------------------------------------------------------
  // --- SSPR policy (SPEC §2) ---
  // A tenant's self-service password reset policy; nullopt when it never saved one (which
  // SPEC §4 tells apart from enabled = none). save creates or replaces it.
  virtual std::optional<domain::policy::SsprPolicy> find_sspr_policy(domain::TenantId tenant) = 0;
  virtual void save_sspr_policy(domain::TenantId tenant, const domain::policy::SsprPolicy& policy,
                                const std::string& now) = 0;
  // --- end SSPR policy ---
  // --- On-premises connections (SPEC §9, migration 0009) ---
  // A tenant's connection; nullopt when it has none. save creates or replaces it.
  virtual std::optional<domain::onprem::ConnectionSettings> find_onprem_connection(
      domain::TenantId tenant) = 0;
  virtual void save_onprem_connection(const domain::onprem::ConnectionSettings& settings) = 0;
  // The tenants whose connection the configuration file manages (migration 0012).
  virtual std::vector<domain::TenantId> list_config_managed_onprem_tenants() = 0;
  // --- end on-premises connections ---
  // --- On-premises sync and status (SPEC §9, migration 0010) ---
  // Removes the tenant's connection, its sync state and status; false when it had none.
  virtual bool delete_onprem_connection(domain::TenantId tenant) = 0;
  // The tenant's synced users (source synced with an anchor) with their phone and email
  // methods, and its synced groups with their direct members.
  virtual std::vector<domain::onprem::StoredSyncedUser> list_synced_users(
      domain::TenantId tenant) = 0;
  virtual std::vector<domain::onprem::StoredSyncedGroup> list_synced_groups(
      domain::TenantId tenant) = 0;
  // A synced user: source synced, the anchor, onprem_id = the DN (the methods apart).
  virtual domain::UserId insert_synced_user(domain::TenantId tenant,
                                            const domain::onprem::SyncedUser& user,
                                            domain::AuthMode mode, const std::string& now) = 0;
  virtual void update_synced_user(domain::UserId user, const domain::onprem::SyncedUser& values,
                                  const std::string& now) = 0;
  // Writes one method change of sync (source "sync") for the user.
  virtual void apply_synced_method(domain::UserId user, const domain::onprem::MethodChange& change,
                                   const std::string& now) = 0;
  virtual domain::GroupId insert_synced_group(domain::TenantId tenant,
                                              const domain::onprem::SyncedGroup& group,
                                              const std::string& now) = 0;
  virtual void update_synced_group(domain::GroupId group,
                                   const domain::onprem::SyncedGroup& values) = 0;
  // Replaces the group's direct members.
  virtual void replace_members(domain::GroupId group,
                               const std::vector<domain::onprem::MemberRef>& members) = 0;
  virtual std::optional<domain::onprem::SyncState> find_sync_state(domain::TenantId tenant) = 0;
  virtual void save_sync_state(domain::TenantId tenant, const domain::onprem::SyncState& state) = 0;
  virtual std::optional<domain::onprem::ConnectionStatus> find_onprem_status(
      domain::TenantId tenant) = 0;
  virtual void save_onprem_status(domain::TenantId tenant,
                                  const domain::onprem::ConnectionStatus& status) = 0;
  // --- end on-premises sync and status ---
  // --- Sessions and sign-in failures (self-service sign-in) ---
  // Sessions are keyed by the digest of their token (domain/session.h).
  virtual void insert_session(const domain::Session& session) = 0;
  virtual std::optional<domain::Session> find_session(const std::string& id) = 0;
  // Records a use of the session: last seen and the new idle expiry.
  virtual void touch_session(const std::string& id, const std::string& last_seen_at,
                             const std::string& idle_expires_at) = 0;
  virtual void set_session_must_register(const std::string& id, bool must_register) = 0;
  // Returns whether there was such a session.
  virtual bool delete_session(const std::string& id) = 0;
  // Every session of the user except `keep_id` (e.g. after a password change); the count.
  virtual std::size_t delete_other_sessions(domain::UserId user, const std::string& keep_id) = 0;
  // Sessions with an expiry at or before `now` (ISO 8601); the count.
  virtual std::size_t delete_expired_sessions(const std::string& now) = 0;
  // The user's sign-in failure state, with its row locked until the transaction ends (so
  // concurrent wrong passwords are counted exactly); the empty state when there is none.
  virtual domain::SignInFailures lock_sign_in_failures(domain::UserId user) = 0;
  virtual void save_sign_in_failures(domain::UserId user, const domain::SignInFailures& state) = 0;
  // Forgets the wrong-password counts and digests whose last failure is before `before`
  // (housekeeping, so the digests are short-lived even for users who never come back).
  virtual std::size_t forget_sign_in_failures_before(const std::string& before) = 0;
  // --- end sessions ---
  // --- CAPTCHA (flows/captcha.h) ---
  // Records that a CAPTCHA challenge has been used; false when it had been already (so two
  // nodes accepting the same solution at once cannot both succeed). `expires_at` is ISO 8601.
  virtual bool record_used_captcha(const std::string& challenge, const std::string& expires_at) = 0;
  // Whether the challenge has been recorded as used (a read; record_used_captcha stays the
  // authority when two uses race).
  virtual bool captcha_used(const std::string& challenge) = 0;
  // Forgets used challenges that expired at or before `now` (ISO 8601); the count.
  virtual std::size_t delete_expired_captchas(const std::string& now) = 0;
  // --- end CAPTCHA ---

  // --- Reset flows and throttling (SPEC §5, §7) ---------------------------------------------
  // Flows are saved with a version: update_reset_flow writes only when the stored version is
  // still `flow.version` and then increments it (returns false otherwise: another node moved
  // the flow first).
  virtual void insert_reset_flow(const domain::reset::ResetFlow& flow) = 0;
  virtual std::optional<domain::reset::ResetFlow> find_reset_flow(const std::string& id) = 0;
  virtual bool update_reset_flow(const domain::reset::ResetFlow& flow) = 0;

  // Throttle keys ("user:<id>", "ip:<address>"). lock_throttle_key creates the key when new
  // and holds it until the transaction ends, so counting and recording an attempt is exact
  // across nodes; it returns the key's block (ISO 8601) or "" when not blocked.
  virtual std::string lock_throttle_key(const std::string& key) = 0;
  virtual void set_throttle_block(const std::string& key, const std::string& blocked_until) = 0;
  virtual int count_throttle_attempts(const std::string& key, const std::string& action,
                                      const std::string& since) = 0;
  virtual void record_throttle_attempt(const std::string& key, const std::string& action,
                                       const std::string& at) = 0;
  // Forgets every attempt of the key (a successful reset clears the counters).
  virtual void clear_throttle_attempts(const std::string& key) = 0;
  // --- end of reset flows and throttling -----------------------------------------------------

  // --- Diagnose (SPEC §12): read-only, tenant-wide in one query each ---------------------------
  // (user, group) for every user that is a direct member of a group, of the tenant's users.
  virtual std::vector<std::pair<domain::UserId, domain::GroupId>> user_group_memberships(
      domain::TenantId tenant) = 0;
  // Every registered phone, email and app of the tenant's users.
  virtual std::vector<TenantMethodRow> tenant_methods(domain::TenantId tenant) = 0;
  // The security answers of the tenant's users that registered any: count and newest save.
  virtual std::vector<TenantAnswersRow> tenant_security_answers(domain::TenantId tenant) = 0;
  // A throttle key's block (ISO 8601), "" when none; unlike lock_throttle_key it writes nothing.
  virtual std::string throttle_block(const std::string& key) = 0;
  // Every throttle key starting with `prefix` (no '%' or '_' in it) whose block ends after `now`:
  // (key, until).
  virtual std::vector<std::pair<std::string, std::string>> throttle_blocks_after(
      const std::string& prefix, const std::string& now) = 0;
  // --- end diagnose ----------------------------------------------------------------------------

  // Audit log: append-only.
  virtual void append_audit(const domain::AuditEvent& event) = 0;
  virtual std::vector<domain::AuditEvent> query_audit(const AuditQuery& query) = 0;
  // --- audit export and aggregation (issue 7) ---
  // Every record matching `query` (offset and limit ignored), oldest first, handed to `each`
  // one at a time from one statement stepped row by row (the row object is reused: copy what
  // you keep); stops early when `each` returns false.
  virtual void stream_audit(const AuditQuery& query,
                            const std::function<bool(const AuditRow&)>& each) = 0;
  // The number of records matching `query` per distinct value of the `group_by` columns
  // (GROUP BY in SQL; offset, limit and before_seq ignored).
  virtual std::vector<AuditCount> count_audit(const AuditQuery& query,
                                              const std::vector<AuditColumn>& group_by) = 0;
  // (user, last_confirmed_at) of every registration record of the tenant's users.
  virtual std::vector<std::pair<domain::UserId, std::string>> registration_confirmations(
      domain::TenantId tenant) = 0;
  // --- end audit export and aggregation ---

  // --- sealed secrets at rest (key rotation, issue 9) ---
  // Every stored sealed secret, handed to `each` one at a time (the object is reused).
  virtual void each_sealed_secret(const std::function<void(const SealedSecret&)>& each) = 0;
  // Up to `limit` sealed secrets whose text does not start with `prefix` (e.g. "v1:<current key
  // id>:"): methods first, then pending registrations, each by id.
  virtual std::vector<SealedSecret> sealed_secrets_not_starting_with(const std::string& prefix,
                                                                     std::size_t limit) = 0;
  // Compare-and-set: writes `sealed` in place of `secret.sealed` when the row still holds
  // secret.sealed; says whether it did (false: the row changed or went since it was read).
  virtual bool replace_sealed_secret(const SealedSecret& secret, const std::string& sealed) = 0;
  // --- end sealed secrets ---
};

class Store {
 public:
  virtual ~Store() = default;

  // Runs `work` in one transaction. Commits when it returns an ok Status, rolls back when it
  // returns an error (which transact returns) or when the database fails (StoreUnavailable).
  virtual domain::Status transact(const std::function<domain::Status(StoreTransaction&)>& work) = 0;

  // Runs `work` in one read-only transaction: a consistent snapshot for reading, beside the
  // writers (SQLite: a deferred transaction on a read-only session, without the writer lock;
  // PostgreSQL: READ ONLY). Any write inside fails the transaction with StoreUnavailable.
  // Nothing read here is locked: a step that depends on it re-validates in its write.
  virtual domain::Status read(const std::function<domain::Status(StoreTransaction&)>& work) = 0;

  // Whether the database answers a trivial query now (readiness).
  virtual bool ping() = 0;

  // "sqlite" or "postgresql".
  virtual std::string backend() const = 0;

  // Database sessions leased right now and the pool's size (the /metrics gauge).
  struct PoolUsage {
    std::size_t in_use = 0;
    std::size_t size = 0;
  };
  virtual PoolUsage pool_usage() const = 0;

  // SQLite's one writer (the /metrics gauges): write transactions queued or running in its
  // group commit, the write-ahead log's length in pages, and since the start the checkpoint
  // rounds run, the rounds after which the log started over, and the checkpoints that found
  // the log busy or failed (both retried next round). nullopt where there is no such writer
  // (PostgreSQL).
  struct WriterUsage {
    std::size_t queued_writes = 0;
    int log_frames = 0;
    std::uint64_t checkpoint_rounds = 0;
    std::uint64_t log_restarts = 0;
    std::uint64_t checkpoints_busy = 0;
    std::uint64_t checkpoints_failed = 0;
    std::uint64_t write_batches = 0;   // group commits run (committed or failed)
    std::uint64_t batched_writes = 0;  // the write transactions they finished
  };
  virtual std::optional<WriterUsage> writer_usage() const { return std::nullopt; }

  // SQLite's one writer: from now on a write batch that is not full waits up to `up_to` for
  // more write transactions while `worth_waiting()` holds (store/group_commit_queue.h,
  // "Gathering"). Call before the first write. Other backends have no such batches and
  // ignore it.
  virtual void gather_writes_while(std::function<bool()> /*worth_waiting*/,
                                   std::chrono::milliseconds /*up_to*/) {}
};

}  // namespace sspr::store
