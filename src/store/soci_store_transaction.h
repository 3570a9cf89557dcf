#pragma once
// StoreTransaction over one SOCI session with a transaction already begun (SociStore::transact
// begins and ends it). The same SQL runs on SQLite and PostgreSQL. Methods throw soci errors
// on database failures; transact() turns them into StoreUnavailable and rolls back.
//
// Insertions that would break a uniqueness rule (UPN, domain, group name per tenant, token
// name per tenant or hash) fail in the database; callers check first. add/assign methods
// look before inserting, so "already there" never raises an error.

#include "store/soci_headers.h"

#include "store/store.h"

namespace sspr::store {

class SociStoreTransaction final : public StoreTransaction {
 public:
  explicit SociStoreTransaction(soci::session& session) : session_(session) {}

  domain::TenantId insert_tenant(const std::string& name, const std::string& now) override;
  void insert_domain(domain::TenantId tenant, const std::string& domain) override;
  std::optional<domain::TenantId> tenant_of_domain(const std::string& domain) override;
  std::optional<domain::Tenant> find_tenant(domain::TenantId tenant) override;
  std::vector<domain::Tenant> list_tenants() override;

  domain::UserId insert_user(const domain::User& user, const std::string& now) override;
  std::optional<domain::User> find_user_by_upn(const std::string& upn) override;
  std::optional<domain::User> find_user(domain::UserId user) override;
  std::vector<domain::User> list_users(domain::TenantId tenant, std::size_t offset,
                                       std::size_t limit) override;
  std::size_t count_users(domain::TenantId tenant) override;
  void update_user(const domain::User& user, const std::string& now) override;
  void delete_user(domain::UserId user) override;
  void set_password_hash(domain::UserId user, const std::string& hash,
                         const std::string& now) override;
  std::optional<std::string> password_hash(domain::UserId user) override;

  domain::GroupId insert_group(const domain::Group& group, const std::string& now) override;
  std::optional<domain::Group> find_group_by_name(domain::TenantId tenant,
                                                  const std::string& name) override;
  std::optional<domain::Group> find_group(domain::GroupId group) override;
  std::vector<domain::Group> list_groups(domain::TenantId tenant) override;
  void delete_group(domain::GroupId group) override;

  bool add_member(domain::GroupId group, domain::MemberKind kind, std::int64_t member) override;
  bool remove_member(domain::GroupId group, domain::MemberKind kind, std::int64_t member) override;
  std::vector<domain::GroupMember> list_members(domain::GroupId group) override;
  std::vector<domain::Group> transitive_groups_of_user(domain::UserId user) override;
  bool is_transitive_member(domain::UserId user, domain::GroupId group) override;
  std::vector<domain::GroupGraph::Edge> group_edges(domain::TenantId tenant) override;

  void upsert_subscription(domain::TenantId tenant, const std::string& sku,
                           std::optional<int> seats) override;
  std::optional<domain::Subscription> find_subscription(domain::TenantId tenant,
                                                        const std::string& sku) override;
  std::vector<domain::Subscription> list_subscriptions(domain::TenantId tenant) override;
  bool assign_license_to_user(domain::UserId user, const std::string& sku) override;
  bool assign_license_to_group(domain::GroupId group, const std::string& sku) override;
  bool remove_license_from_user(domain::UserId user, const std::string& sku) override;
  bool remove_license_from_group(domain::GroupId group, const std::string& sku) override;
  std::vector<domain::LicenseAssignment> list_license_assignments(domain::TenantId tenant) override;
  std::vector<std::string> effective_skus_of_user(domain::UserId user) override;
  int count_license_holders(domain::TenantId tenant, const std::string& sku) override;

  bool assign_role(domain::UserId user, const std::string& role) override;
  bool remove_role(domain::UserId user, const std::string& role) override;
  std::vector<std::string> roles_of_user(domain::UserId user) override;
  std::vector<std::pair<std::string, std::string>> list_role_assignments(
      domain::TenantId tenant) override;

  std::int64_t insert_token(const domain::ApiToken& token, const std::string& hash) override;
  std::optional<domain::ApiToken> find_token_by_hash(const std::string& hash) override;
  std::optional<domain::ApiToken> find_token_by_name(domain::TenantId tenant,
                                                     const std::string& name) override;
  std::vector<domain::ApiToken> list_tokens(domain::TenantId tenant) override;
  void revoke_token(std::int64_t token) override;

  std::vector<std::string> list_banned_terms(domain::TenantId tenant) override;
  bool add_banned_term(domain::TenantId tenant, const std::string& term,
                       const std::string& now) override;
  bool remove_banned_term(domain::TenantId tenant, const std::string& term) override;

  std::vector<domain::methods::RegisteredMethod> list_methods(domain::UserId user) override;
  std::int64_t save_method(const domain::methods::RegisteredMethod& method) override;
  bool delete_method(domain::UserId user, std::int64_t method) override;
  bool advance_totp_step(std::int64_t method, std::int64_t from, std::int64_t to) override;
  std::vector<domain::methods::SecurityAnswerRecord> list_security_answers(
      domain::UserId user) override;
  void replace_security_answers(
      domain::UserId user,
      const std::vector<domain::methods::SecurityAnswerRecord>& answers) override;
  std::size_t delete_security_answers(domain::UserId user) override;
  std::vector<domain::methods::CustomSecurityQuestion> list_custom_questions(
      domain::TenantId tenant) override;
  std::int64_t insert_custom_question(domain::TenantId tenant, const std::string& text,
                                      const std::string& now) override;
  bool delete_custom_question(domain::TenantId tenant, std::int64_t question) override;
  void insert_code(const domain::methods::IssuedCode& code) override;
  std::optional<domain::methods::IssuedCode> find_code(const std::string& id) override;
  bool update_code_state(const std::string& id, const domain::methods::OneTimeCodeState& expected,
                         const domain::methods::OneTimeCodeState& next) override;
  std::size_t count_codes_issued(domain::UserId user, domain::methods::CodePurpose purpose,
                                 const std::string& since) override;
  void insert_pending_registration(const domain::methods::PendingRegistration& pending) override;
  std::optional<domain::methods::PendingRegistration> find_pending_registration(
      const std::string& id) override;
  void delete_pending_registration(const std::string& id) override;
  std::size_t delete_expired_registrations(const std::string& now) override;
  std::optional<domain::methods::RegistrationRecord> find_registration_record(
      domain::UserId user) override;
  void save_registration_record(const domain::methods::RegistrationRecord& record) override;
  std::optional<domain::policy::SsprPolicy> find_sspr_policy(domain::TenantId tenant) override;
  void save_sspr_policy(domain::TenantId tenant, const domain::policy::SsprPolicy& policy,
                        const std::string& now) override;
  // On-premises connections (soci_store_transaction_onprem.cc).
  std::optional<domain::onprem::ConnectionSettings> find_onprem_connection(
      domain::TenantId tenant) override;
  void save_onprem_connection(const domain::onprem::ConnectionSettings& settings) override;
  std::vector<domain::TenantId> list_config_managed_onprem_tenants() override;
  // On-premises sync and status (soci_store_transaction_onprem_sync.cc).
  bool delete_onprem_connection(domain::TenantId tenant) override;
  std::vector<domain::onprem::StoredSyncedUser> list_synced_users(domain::TenantId tenant) override;
  std::vector<domain::onprem::StoredSyncedGroup> list_synced_groups(
      domain::TenantId tenant) override;
  domain::UserId insert_synced_user(domain::TenantId tenant, const domain::onprem::SyncedUser& user,
                                    domain::AuthMode mode, const std::string& now) override;
  void update_synced_user(domain::UserId user, const domain::onprem::SyncedUser& values,
                          const std::string& now) override;
  void apply_synced_method(domain::UserId user, const domain::onprem::MethodChange& change,
                           const std::string& now) override;
  domain::GroupId insert_synced_group(domain::TenantId tenant,
                                      const domain::onprem::SyncedGroup& group,
                                      const std::string& now) override;
  void update_synced_group(domain::GroupId group,
                           const domain::onprem::SyncedGroup& values) override;
  void replace_members(domain::GroupId group,
                       const std::vector<domain::onprem::MemberRef>& members) override;
  std::optional<domain::onprem::SyncState> find_sync_state(domain::TenantId tenant) override;
  void save_sync_state(domain::TenantId tenant, const domain::onprem::SyncState& state) override;
  std::optional<domain::onprem::ConnectionStatus> find_onprem_status(
      domain::TenantId tenant) override;
  void save_onprem_status(domain::TenantId tenant,
                          const domain::onprem::ConnectionStatus& status) override;
  // Sessions and sign-in failures (soci_store_transaction_sessions.cc).
  void insert_session(const domain::Session& session) override;
  std::optional<domain::Session> find_session(const std::string& id) override;
  void touch_session(const std::string& id, const std::string& last_seen_at,
                     const std::string& idle_expires_at) override;
  void set_session_must_register(const std::string& id, bool must_register) override;
  bool delete_session(const std::string& id) override;
  std::size_t delete_other_sessions(domain::UserId user, const std::string& keep_id) override;
  std::size_t delete_expired_sessions(const std::string& now) override;
  domain::SignInFailures lock_sign_in_failures(domain::UserId user) override;
  void save_sign_in_failures(domain::UserId user, const domain::SignInFailures& state) override;
  std::size_t forget_sign_in_failures_before(const std::string& before) override;
  // Used CAPTCHA challenges (soci_store_transaction_captcha.cc).
  bool record_used_captcha(const std::string& challenge, const std::string& expires_at) override;
  bool captcha_used(const std::string& challenge) override;
  std::size_t delete_expired_captchas(const std::string& now) override;

  void insert_reset_flow(const domain::reset::ResetFlow& flow) override;
  std::optional<domain::reset::ResetFlow> find_reset_flow(const std::string& id) override;
  bool update_reset_flow(const domain::reset::ResetFlow& flow) override;
  std::string lock_throttle_key(const std::string& key) override;
  void set_throttle_block(const std::string& key, const std::string& blocked_until) override;
  int count_throttle_attempts(const std::string& key, const std::string& action,
                              const std::string& since) override;
  void record_throttle_attempt(const std::string& key, const std::string& action,
                               const std::string& at) override;
  void clear_throttle_attempts(const std::string& key) override;
  // Diagnose (soci_store_transaction_diagnose.cc).
  std::vector<std::pair<domain::UserId, domain::GroupId>> user_group_memberships(
      domain::TenantId tenant) override;
  std::vector<TenantMethodRow> tenant_methods(domain::TenantId tenant) override;
  std::vector<TenantAnswersRow> tenant_security_answers(domain::TenantId tenant) override;
  std::string throttle_block(const std::string& key) override;
  std::vector<std::pair<std::string, std::string>> throttle_blocks_after(
      const std::string& prefix, const std::string& now) override;

  void append_audit(const domain::AuditEvent& event) override;
  std::vector<domain::AuditEvent> query_audit(const AuditQuery& query) override;
  // Audit export and aggregation (soci_store_transaction_audit.cc).
  void stream_audit(const AuditQuery& query,
                    const std::function<bool(const AuditRow&)>& each) override;
  std::vector<AuditCount> count_audit(const AuditQuery& query,
                                      const std::vector<AuditColumn>& group_by) override;
  std::vector<std::pair<domain::UserId, std::string>> registration_confirmations(
      domain::TenantId tenant) override;
  // Sealed secrets (soci_store_transaction_sealed_secrets.cc).
  void each_sealed_secret(const std::function<void(const SealedSecret&)>& each) override;
  std::vector<SealedSecret> sealed_secrets_not_starting_with(const std::string& prefix,
                                                             std::size_t limit) override;
  bool replace_sealed_secret(const SealedSecret& secret, const std::string& sealed) override;

 private:
  soci::session& session_;
};

}  // namespace sspr::store
