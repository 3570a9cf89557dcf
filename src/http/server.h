#pragma once
// The HTTP server: RESTinio on `io_threads` event-loop threads; blocking work (Argon2id,
// store calls) runs on a separate pool of `worker_threads` so slow steps never stall the
// event loop. run_server() blocks until SIGTERM or SIGINT, then stops accepting, lets
// in-flight requests finish (up to a grace period) and returns. With [server] tls_certificate
// and tls_private_key it speaks only TLS (1.2+), re-reads both files on SIGHUP and sends
// Strict-Transport-Security; GET /metrics serves the Prometheus text (observability/metrics.h).

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "config/config.h"
#include "domain/clock.h"
#include "domain/random.h"
#include "flows/captcha.h"
#include "flows/directory_administration.h"
#include "flows/onprem/onprem_connections.h"
#include "flows/onprem/onprem_sync.h"
#include "flows/password_protection.h"
#include "flows/password_reset.h"
#include "flows/reset_diagnosis.h"
#include "flows/security_info_registration.h"
#include "flows/self_service_password_change.h"
#include "flows/signed_in_sessions.h"
#include "observability/metrics.h"
#include "platform/concurrency_limited_password_hasher.h"
#include "platform/password_hash_processes.h"
#include "store/store.h"

namespace sspr::http {

struct ServerDependencies {
  store::Store& store;
  flows::DirectoryAdministration& directory;
  flows::PasswordProtection& passwords;
  const domain::Clock& clock;
  domain::Random& random;
  flows::SignedInSessions& sessions;
  flows::SelfServicePasswordChange& password_change;
  flows::SecurityInfoRegistration* registration;  // the security-info page
  std::string demo_outbox;  // the outbox file served at /api/v1/demo/outbox; "" = not a demo
  flows::Captcha& captcha;
  flows::PasswordReset* password_reset = nullptr;  // the reset flow
  flows::ResetDiagnosis* diagnosis = nullptr;      // diagnose (SPEC §12)
  // Counters shared with the parts outside http (the notifier); null: the server keeps its own.
  observability::Metrics* metrics = nullptr;
  // The Argon2id hash limiter, whose queue /metrics shows; null: not shown.
  const platform::ConcurrencyLimitedPasswordHasher* hash_limiter = nullptr;
  // The password-hashing processes, whose restarts /metrics shows; null: hashes run in threads.
  const platform::PasswordHashProcesses* hash_processes = nullptr;

  // The on-premises connection and sync (SPEC §9).
  flows::onprem::OnPremisesConnections* onprem_connections = nullptr;
  flows::onprem::OnPremisesSync* onprem_sync = nullptr;

  // Run on a worker thread on each SIGHUP (besides the TLS reload): the CLI re-reads the
  // configuration file's [[onprem]] connections. Empty: nothing.
  std::function<void()> on_reload = {};
};

// Returns the process exit code (0 after a clean shutdown, 1 when the port cannot be bound,
// with the reason logged). `on_listening` is called once the socket accepts connections,
// with the bound address ("127.0.0.1:8080").
int run_server(const config::Config& config, ServerDependencies& dependencies,
               const std::function<void(const std::string&)>& on_listening = {});

}  // namespace sspr::http
