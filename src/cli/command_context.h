#pragma once
// What every `sspr` command shares: the global options (--data, --db, --json, --config),
// the lazily opened store and directory use cases, and the rules for printing results and
// errors. Commands report their outcome by setting `exit_code`; they never call exit().

#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "breached/breached_filter_file.h"
#include "config/config.h"
#include "domain/actor.h"
#include "domain/error.h"
#include "domain/result.h"
#include "flows/administrator_password_writeback.h"
#include "flows/captcha.h"
#include "flows/directory_administration.h"
#include "flows/onprem/onprem_connections.h"
#include "flows/onprem/onprem_sync.h"
#include "flows/onprem/tenant_onprem_directory.h"
#include "flows/password_protection.h"
#include "flows/password_reset.h"
#include "flows/reset_notifications.h"
#include "flows/security_info_registration.h"
#include "flows/self_service_password_change.h"
#include "flows/signed_in_sessions.h"
#include "notify/notifier.h"
#include "notify/sleeper.h"
#include "observability/metrics.h"
#include "onprem/ldap_connector.h"
#include "onprem/ldap_directory_reader.h"
#include "onprem/ldap_user_bind.h"
#include "platform/argon2id_password_hasher.h"
#include "platform/concurrency_limited_password_hasher.h"
#include "platform/hmac_captcha_signer.h"
#include "platform/one_time_code_digest.h"
#include "platform/password_hash_processes.h"
#include "platform/secret_box.h"
#include "platform/secret_key_ring.h"
#include "platform/sodium_random.h"
#include "platform/system_clock.h"
#include "platform/zxcvbn_strength_estimator.h"
#include "store/store.h"

namespace sspr::cli {

// Exit statuses of CONTRACT.md.
inline constexpr int kExitSuccess = 0;
inline constexpr int kExitRejected = 1;  // a rejection or a failed check
inline constexpr int kExitBadUsage = 2;  // bad usage or bad input

class CommandContext {
 public:
  // Global options, filled in by CLI11 before any command callback runs.
  std::optional<std::string> data_dir;
  std::optional<std::string> db_url;
  std::optional<std::string> config_file;
  bool json = false;

  // Set by the command that ran.
  int exit_code = kExitSuccess;
  // Set by `serve` and `demo` before open_directory(): hashes then run in worker processes
  // when security.password_hashing says "processes" (the default).
  bool serving = false;

  // The configuration file and SSPR_* environment, with --data/--db applied on top.
  // Loaded once; an error is reported by report_error().
  domain::Result<config::Config*> config();

  // Opens the store (applying migrations) and builds the directory use cases on first use.
  domain::Result<flows::DirectoryAdministration*> directory();
  // The same, but reports a failure itself and returns nullptr.
  flows::DirectoryAdministration* open_directory();
  // The password-protection use cases over the same store (after open_directory succeeded).
  flows::PasswordProtection* passwords() { return passwords_.get(); }
  store::Store* store() { return store_.get(); }
  // The limit on concurrent Argon2id hashes every use case shares (after open_directory).
  const platform::ConcurrencyLimitedPasswordHasher* hash_limiter() const { return hasher_.get(); }
  // The password-hashing processes when `serving` started them, else null.
  const platform::PasswordHashProcesses* hash_processes() const { return hash_processes_.get(); }
  // Self-service sign-in and password change over the same store, built on first use (after
  // open_directory succeeded), with the [session] limits.
  flows::SignedInSessions& sessions();
  flows::SelfServicePasswordChange& password_change();
  // The proof-of-work CAPTCHA (after open_directory succeeded), signed with a subkey of the
  // server's secret key (created when missing); reports a failure itself and returns nullptr.
  flows::Captcha* captcha();
  // The server's key ring ([security] secret_key_file: the current key, then previous keys),
  // loaded once and created with one key, mode 0600, when missing: it seals authenticator
  // secrets, digests codes and signs CAPTCHAs (platform/secret_key_ring.h).
  domain::Result<const platform::SecretKeyRing*> secret_key();
  // The box sealing secrets at rest under that ring, built on first use.
  domain::Result<const platform::SecretBox*> secret_box();
  // The security-info page (after open_directory succeeded): builds the configured notifier
  // ([notify]) and loads the server key, creating a 0600 key file on first start
  // ([security] secret_key_file). Errors are returned, not reported.
  domain::Result<flows::SecurityInfoRegistration*> registration();
  // The reset flow (after open_directory and captcha() succeeded), over the notifier and key
  // of registration(). Errors are returned, not reported.
  domain::Result<flows::PasswordReset*> password_reset();
  // The on-premises connection use cases (after open_directory succeeded); reports a failure
  // itself and returns nullptr. With --config, the file's [[onprem]] connections are applied
  // first (apply_configured_onprem).
  flows::onprem::OnPremisesConnections* onprem_connections();
  // Applies the [[onprem]] connections of the configuration file (`--config`; without one,
  // nothing happens) to the store, naming on stderr the tenants it changed, released or could
  // not find. `reread` loads the file again first (SIGHUP). Returns false after reporting an
  // error (a broken file on reread is only reported: the stored connections stay).
  bool apply_configured_onprem(bool reread = false);
  // The on-premises sync (after open_directory succeeded); reports a failure itself and
  // returns nullptr.
  flows::onprem::OnPremisesSync* onprem_sync();
  // The on-premises directory of every tenant (its connection over LDAP, or SSPR_0029 when
  // it has none), after open_directory succeeded.
  flows::onprem::OnPremisesDirectory& onprem_directory();
  domain::Random& random();
  const domain::Clock& clock() const { return clock_; }
  // The server's metrics (GET /metrics), counted by the notifier and the HTTP layer.
  observability::Metrics& metrics() { return metrics_; }

  // The acting operator and a fresh request context (new correlation id) for one call.
  domain::Actor actor() const { return domain::Actor::operator_cli(); }
  domain::RequestContext request_context();

  // Resolves a tenant domain to its id, reporting the error when there is none.
  std::optional<domain::TenantId> tenant_id(const std::string& domain);

  // Output. print() writes `json_value` (with --json) or `text` (otherwise) to stdout.
  void print(const nlohmann::json& json_value, const std::string& text) const;
  // One line on stderr ("sspr: error: <technical> (<code>)"), plus the error object on
  // stdout with --json; sets exit_code from the error's kind.
  void report_error(const domain::Error& error);
  // A usage problem found after parsing (e.g. two exclusive options missing).
  void report_usage_error(const std::string& message);

 private:
  // Loads the breached-password filter (breached_filter_path) when it exists; a broken file,
  // or a configured one that is missing, is reported and skipped.
  void open_breached_filter(const config::Config& cfg);

  std::optional<config::Config> config_;
  std::unique_ptr<platform::SodiumRandom> random_;
  platform::SystemClock clock_;
  observability::Metrics metrics_;
  std::unique_ptr<platform::Argon2idPasswordHasher> argon2id_;
  // When serving with security.password_hashing = "processes": the hashing processes.
  std::unique_ptr<platform::PasswordHashProcesses> hash_processes_;
  // argon2id_ (or hash_processes_) behind security.max_concurrent_hashes: what every flow gets.
  std::unique_ptr<platform::ConcurrencyLimitedPasswordHasher> hasher_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<breached::BreachedFilterFile> breached_;  // null: no filter imported
  platform::ZxcvbnStrengthEstimator strength_;
  std::unique_ptr<flows::DirectoryAdministration> directory_;
  std::unique_ptr<flows::PasswordProtection> passwords_;
  std::unique_ptr<flows::SignedInSessions> sessions_;
  std::unique_ptr<flows::SelfServicePasswordChange> password_change_;
  std::unique_ptr<platform::HmacCaptchaSigner> captcha_signer_;
  std::unique_ptr<flows::Captcha> captcha_;
  notify::ThreadSleeper sleeper_;
  std::unique_ptr<notify::Notifier> notifier_;
  std::unique_ptr<platform::SecretKeyRing> secret_key_;
  std::unique_ptr<platform::SecretBox> secret_box_;
  std::unique_ptr<platform::OneTimeCodeDigest> code_digest_;
  std::unique_ptr<flows::SecurityInfoRegistration> registration_;
  std::unique_ptr<flows::PasswordReset> password_reset_;
  onprem::LdapConnector onprem_connector_;
  onprem::LdapUserBind onprem_user_bind_;  // pass-through sign-in
  std::unique_ptr<flows::onprem::TenantOnPremisesDirectory> onprem_directory_;
  std::unique_ptr<flows::onprem::OnPremisesConnections> onprem_connections_;
  // Administrators' resets of synced users (writeback), and whom they notify.
  std::unique_ptr<flows::AdministratorPasswordWriteback> admin_writeback_;
  std::unique_ptr<flows::ResetNotifications> admin_notifications_;
  onprem::LdapDirectoryReader onprem_reader_;
  std::unique_ptr<flows::onprem::OnPremisesSync> onprem_sync_;
};

// Where the breached-password filter lives: [password] breached_filter, or
// DATA_DIR/breached.filter.
std::string breached_filter_path(const config::Config& cfg);

// The exit status for an error of this kind (CONTRACT.md).
int exit_code_for(domain::ErrorKind kind);

}  // namespace sspr::cli
