#pragma once
// Server configuration: one TOML file plus SSPR_<SECTION>_<KEY> environment variables,
// which win over the file (e.g. SSPR_SERVER_LISTEN overrides [server] listen). Secrets are
// read from files named by *_file keys. Every key is documented in docs/OPERATIONS.md.

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/onprem/configured_connection.h"
#include "domain/result.h"

namespace sspr::config {

struct ServerConfig {
  std::string listen = "127.0.0.1:8080";  // HOST:PORT
  std::size_t io_threads = 0;             // 0 = one per core
  // Requests as fibers on the event-loop threads instead of one worker thread each
  // (docs/ARCHITECTURE.md, "Requests as fibers"); false: worker threads, the fallback.
  bool request_fibers = true;
  std::size_t worker_threads = 0;  // 0 = two per core, at least 64; blocking work (hashing, store)
  std::size_t max_body_bytes = 64 * 1024;
  std::size_t max_json_depth = 32;
  unsigned request_timeout_seconds = 30;
  // Built-in TLS: both PEM files, or neither (plain HTTP). SIGHUP reads them again.
  std::string tls_certificate;  // leaf certificate, then any intermediates
  std::string tls_private_key;  // unencrypted private key
  // Peers whose X-Forwarded-For is believed: addresses or CIDR blocks, comma-separated.
  std::string trusted_proxies;
};

struct StoreConfig {
  std::string db;                        // sqlite:PATH or postgresql://...; empty = data_dir
  std::string data_dir = "./sspr-data";  // SQLite database at data_dir/sspr.db
  std::size_t pool_size = 8;
  // SQLite: while password hashes wait for a core, a write batch that is not full waits up to
  // this long for more (store/group_commit_queue.h, "Gathering"); 0 turns it off.
  std::size_t commit_delay_ms = 20;
};

struct SecurityConfig {
  std::size_t argon2_memory_kib = 19 * 1024;
  unsigned argon2_iterations = 2;
  // At most this many Argon2id hashes or verifications run at once (each holds m of memory
  // and a core); the others wait. 0 = one per core.
  std::size_t max_concurrent_hashes = 0;
  // Where `sspr serve` runs them: "processes" (the default: max_concurrent_hashes worker
  // processes of its own binary, platform/password_hash_processes.h) or "threads" (in the
  // server's worker threads). Other commands always hash in their own thread.
  std::string password_hashing = "processes";
  // Key file of the server's secret key (platform/secret_key.h): encrypts authenticator
  // secrets at rest and keys one-time-code digests. Empty = data_dir/secret.key, created
  // (mode 0600) on first use. Every node of a cluster needs the same key.
  std::string secret_key_file;
};

struct NotifyConfig {
  std::string email = "file";  // "smtp" | "file"
  std::string sms = "file";    // "webhook" | "file"
  std::string outbox_path;     // default: data_dir/outbox.jsonl
  // Email through SMTP (email = "smtp").
  std::string smtp_url;            // smtp://HOST:PORT or smtps://HOST:PORT
  std::string smtp_from;           // "OpenSSPR <noreply@example.com>" or an address
  std::string smtp_username;       // empty: no AUTH
  std::string smtp_password_file;  // the password, read from this file
  bool smtp_starttls = true;       // smtp://: require STARTTLS
  std::string smtp_ca_file;        // empty: the system CA store
  // SMS and voice through an HTTP provider (sms = "webhook").
  std::string sms_url;
  std::string voice_url;            // empty: sms_url
  std::string sms_format = "json";  // "json" | "twilio"
  std::string sms_from;             // twilio: the sending number
  std::string sms_token_file;       // json: bearer token; twilio: auth token
  std::string sms_account_sid;      // twilio
  std::string sms_ca_file;
  // Delivery, for SMTP and the provider alike.
  unsigned connect_timeout_seconds = 5;
  unsigned timeout_seconds = 15;    // the whole transfer
  unsigned attempts = 3;            // tries per message (transient failures only)
  unsigned retry_backoff_ms = 500;  // first pause; doubled after each failed try
};

struct PasswordConfig {
  std::string breached_filter;  // breached-password filter file; default: data_dir/breached.filter
};

struct CaptchaConfig {
  unsigned difficulty = 50000;  // maxnumber of the proof-of-work
};

// Self-service sessions (flows/signed_in_sessions.h). Set secure_cookie whenever users reach
// the server over HTTPS (built-in TLS or a TLS-terminating proxy), so the cookie gets Secure.
struct SessionConfig {
  unsigned idle_minutes = 30;    // a session ends this long after its last use
  unsigned absolute_hours = 12;  // and at the latest this long after sign-in
  bool secure_cookie = false;    // add Secure to the session cookie
};

// GET /metrics (Prometheus): with a token file, callers must send the token as a bearer
// token; without one, only loopback peers are answered.
struct MetricsConfig {
  std::string token_file;
};

struct LogConfig {
  std::string level = "info";  // trace debug info warn error
};

struct Config {
  ServerConfig server;
  StoreConfig store;
  SecurityConfig security;
  NotifyConfig notify;
  PasswordConfig password;
  CaptchaConfig captcha;
  LogConfig log;
  SessionConfig session;
  MetricsConfig metrics;
  // [[onprem]] tables: tenants' on-premises connections managed by this file (the file only:
  // an array of tables has no SSPR_* variables). Keys: tenant (one of its domains), url,
  // flavor, bind_dn, bind_password_file, base_dn, starttls, ca_file, timeout_seconds,
  // upn_attribute, disabled_filter, as `sspr onprem set` takes them; relative paths are
  // relative to the file's directory. Checked by domain::onprem::validate_connection_settings
  // when loaded; an error names the table, e.g. "onprem[2].timeout_seconds" (counted from 1).
  std::vector<domain::onprem::ConfiguredConnection> onprem;
};

// Reads `path` (when given; a missing file is an error) then applies `environment`
// (normally the process environment; only SSPR_* names are looked at). Unknown keys and
// values of the wrong type are errors that name the key.
domain::Result<Config> load_config(const std::optional<std::string>& path,
                                   const std::map<std::string, std::string>& environment);

// security.secret_key_file, or data_dir/secret.key when it is empty.
std::string secret_key_path(const Config& config);

// The SSPR_* variables of this process.
std::map<std::string, std::string> process_environment();

}  // namespace sspr::config
