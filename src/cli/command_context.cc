#include "cli/command_context.h"

#include <filesystem>
#include <iostream>

#include <iostream>

#include "notify/make_notifier.h"
#include "notify/metered_notifier.h"
#include "observability/log.h"
#include "store/open_store.h"

namespace sspr::cli {

int exit_code_for(domain::ErrorKind kind) {
  switch (kind) {
    case domain::ErrorKind::kBadInput:
    case domain::ErrorKind::kNotFound:
    case domain::ErrorKind::kConflict:
    case domain::ErrorKind::kTooLarge:
    case domain::ErrorKind::kUnauthenticated:
      return kExitBadUsage;
    case domain::ErrorKind::kForbidden:
    case domain::ErrorKind::kRejected:
    case domain::ErrorKind::kThrottled:
    case domain::ErrorKind::kUnavailable:
    case domain::ErrorKind::kInternal:
      return kExitRejected;
  }
  return kExitRejected;
}

domain::Result<config::Config*> CommandContext::config() {
  if (!config_) {
    auto loaded = config::load_config(config_file, config::process_environment());
    if (!loaded) return loaded.error();
    config_ = std::move(loaded).value();
    // Command-line options win over the file and the environment.
    // An explicit --data means SQLite in that directory, even if the configuration names
    // a database URL; --db wins over both.
    if (data_dir) {
      config_->store.data_dir = *data_dir;
      config_->store.db.clear();
    }
    if (db_url) config_->store.db = *db_url;
  }
  return &*config_;
}

domain::Random& CommandContext::random() {
  if (!random_) random_ = std::make_unique<platform::SodiumRandom>();
  return *random_;
}

domain::Result<flows::DirectoryAdministration*> CommandContext::directory() {
  if (directory_) return directory_.get();
  auto loaded = config();
  if (!loaded) return loaded.error();
  const config::Config& cfg = **loaded;
  auto opened = store::open_store(
      store::StoreLocation{cfg.store.db, cfg.store.data_dir, cfg.store.pool_size});
  if (!opened) return opened.error();
  store_ = std::move(opened).value();
  const platform::Argon2idParameters parameters{cfg.security.argon2_memory_kib,
                                                cfg.security.argon2_iterations};
  argon2id_ = std::make_unique<platform::Argon2idPasswordHasher>(parameters);
  const std::size_t slots =
      platform::concurrent_hashes_or_cores(cfg.security.max_concurrent_hashes);
  const domain::PasswordHasher* hashing = argon2id_.get();
  if (serving && cfg.security.password_hashing == "processes") {
    // Processes of this very binary, whatever path it was started by.
    auto started = platform::PasswordHashProcesses::start("/proc/self/exe", parameters, slots);
    if (!started) return started.error();
    hash_processes_ = std::move(started).value();
    hashing = hash_processes_.get();
  }
  hasher_ = std::make_unique<platform::ConcurrencyLimitedPasswordHasher>(*hashing, slots);
  if (serving) {
    // While a hash waits for a core, the cores are taken and the callers wait for hashing
    // anyway: fuller write batches then cost the server less CPU beside the hashes.
    store_->gather_writes_while([hasher = hasher_.get()] { return hasher->usage().waiting > 0; },
                                std::chrono::milliseconds(cfg.store.commit_delay_ms));
  }
  open_breached_filter(cfg);
  directory_ = std::make_unique<flows::DirectoryAdministration>(*store_, clock_, random(), *hasher_,
                                                                breached_.get());
  passwords_ = std::make_unique<flows::PasswordProtection>(*store_, clock_, random(), &strength_,
                                                           breached_.get());
  admin_writeback_ = std::make_unique<flows::AdministratorPasswordWriteback>(
      *store_, clock_, random(), onprem_directory(), admin_notifications_.get());
  directory_->use_password_writeback(*admin_writeback_);
  return directory_.get();
}

flows::SignedInSessions& CommandContext::sessions() {
  if (!sessions_) {
    const auto& session = config_ ? config_->session : config::SessionConfig{};
    domain::SessionLimits limits{std::chrono::minutes(session.idle_minutes),
                                 std::chrono::hours(session.absolute_hours)};
    sessions_ = std::make_unique<flows::SignedInSessions>(*store_, clock_, random(), *hasher_,
                                                          limits, domain::SignInLockoutPolicy{},
                                                          &onprem_user_bind_);
  }
  return *sessions_;
}

flows::SelfServicePasswordChange& CommandContext::password_change() {
  if (!password_change_) {
    password_change_ = std::make_unique<flows::SelfServicePasswordChange>(
        *store_, clock_, random(), *hasher_, breached_.get());
  }
  return *password_change_;
}

domain::Result<const platform::SecretKeyRing*> CommandContext::secret_key() {
  if (secret_key_) return secret_key_.get();
  const config::Config cfg = config_ ? *config_ : config::Config{};
  auto ring = platform::SecretKeyRing::load_or_create(config::secret_key_path(cfg));
  if (!ring) return ring.error();
  secret_key_ = std::make_unique<platform::SecretKeyRing>(*ring);
  return secret_key_.get();
}

domain::Result<const platform::SecretBox*> CommandContext::secret_box() {
  if (secret_box_) return secret_box_.get();
  auto ring = secret_key();
  if (!ring) return ring.error();
  secret_box_ = std::make_unique<platform::SecretBox>(**ring);
  return secret_box_.get();
}

flows::Captcha* CommandContext::captcha() {
  if (!captcha_) {
    const config::Config cfg = config_ ? *config_ : config::Config{};
    auto key = secret_key();
    if (!key) {
      report_error(key.error());
      return nullptr;
    }
    captcha_signer_ = std::make_unique<platform::HmacCaptchaSigner>(**key);
    captcha_ = std::make_unique<flows::Captcha>(*store_, clock_, random(), *captcha_signer_,
                                                cfg.captcha.difficulty);
  }
  return captcha_.get();
}

domain::Result<flows::SecurityInfoRegistration*> CommandContext::registration() {
  if (registration_) return registration_.get();
  auto loaded = config();
  if (!loaded) return loaded.error();
  const config::Config& cfg = **loaded;
  auto notifier = notify::make_notifier(cfg, notify::NotifierServices{clock_, random(), sleeper_});
  if (!notifier) return notifier.error();
  auto key = secret_key();
  if (!key) return key.error();
  auto box = secret_box();
  if (!box) return box.error();
  notifier_ = std::make_unique<notify::MeteredNotifier>(std::move(notifier).value(), metrics_);
  // An administrator's reset notifies the other administrators once there is a notifier.
  admin_notifications_ =
      std::make_unique<flows::ResetNotifications>(*store_, clock_, random(), *notifier_);
  if (admin_writeback_) admin_writeback_->notify_with(*admin_notifications_);
  code_digest_ = std::make_unique<platform::OneTimeCodeDigest>(**key);
  registration_ = std::make_unique<flows::SecurityInfoRegistration>(
      *store_, clock_, random(), *hasher_, *notifier_, *secret_box_, *code_digest_);
  return registration_.get();
}

domain::Result<flows::PasswordReset*> CommandContext::password_reset() {
  if (password_reset_) return password_reset_.get();
  auto built = registration();  // the notifier, the sealing box and the code digest
  if (!built) return built.error();
  auto* solver = captcha();
  if (!solver) return domain::errors::internal("the CAPTCHA could not be set up");
  password_reset_ = std::make_unique<flows::PasswordReset>(
      *store_, clock_, random(), *hasher_, *notifier_, *secret_box_, *code_digest_, *solver,
      breached_.get(), &onprem_directory());
  return password_reset_.get();
}

flows::onprem::OnPremisesDirectory& CommandContext::onprem_directory() {
  if (!onprem_directory_) {
    onprem_directory_ = std::make_unique<flows::onprem::TenantOnPremisesDirectory>(
        *store_, onprem_connector_, clock_);
  }
  return *onprem_directory_;
}

flows::onprem::OnPremisesConnections* CommandContext::onprem_connections() {
  if (!onprem_connections_) {
    if (!open_directory()) return nullptr;
    onprem_connections_ = std::make_unique<flows::onprem::OnPremisesConnections>(
        *store_, clock_, random(), onprem_connector_);
    if (!apply_configured_onprem()) return nullptr;
  }
  return onprem_connections_.get();
}

bool CommandContext::apply_configured_onprem(bool reread) {
  if (!config_file) return true;
  auto* connections = onprem_connections();
  if (!connections) return false;
  if (reread) {
    // SIGHUP in the server: the file as it is now; a problem is logged, nothing else changes.
    auto fresh = config::load_config(config_file, config::process_environment());
    if (!fresh) {
      log::error("configuration file not applied",
                 {{"file", *config_file}, {"error", fresh.error().technical}});
      return false;
    }
    auto applied = connections->apply_configured(request_context(), fresh->onprem);
    if (!applied) {
      log::error("on-premises connections of the configuration file not applied",
                 {{"file", *config_file}, {"error", applied.error().technical}});
      return false;
    }
    log::info("on-premises connections of the configuration file applied",
              {{"file", *config_file},
               {"saved", applied->saved},
               {"released", applied->released},
               {"unknown_tenants", applied->unknown}});
    return true;
  }
  auto loaded = config();
  if (!loaded) {
    report_error(loaded.error());
    return false;
  }
  auto applied = connections->apply_configured(request_context(), (*loaded)->onprem);
  if (!applied) {
    report_error(applied.error());
    return false;
  }
  for (const auto& tenant : applied->saved) {
    std::cerr << "sspr: on-premises connection of " << tenant << " set from " << *config_file
              << std::endl;
  }
  for (const auto& tenant : applied->released) {
    std::cerr << "sspr: on-premises connection of " << tenant << " is no longer in " << *config_file
              << ": kept, administrators may change it again" << std::endl;
  }
  for (const auto& tenant : applied->unknown) {
    std::cerr << "sspr: warning: [[onprem]] of " << *config_file << " names " << tenant
              << ", which is no tenant's domain: skipped" << std::endl;
  }
  return true;
}

flows::onprem::OnPremisesSync* CommandContext::onprem_sync() {
  if (!onprem_sync_) {
    if (!onprem_connections()) return nullptr;
    onprem_sync_ =
        std::make_unique<flows::onprem::OnPremisesSync>(*store_, clock_, random(), onprem_reader_);
  }
  return onprem_sync_.get();
}

void CommandContext::open_breached_filter(const config::Config& cfg) {
  const auto path = breached_filter_path(cfg);
  std::error_code ignored;
  if (!std::filesystem::exists(path, ignored)) {
    // The default file is optional; a configured one that is missing is a mistake to report.
    if (!cfg.password.breached_filter.empty()) {
      std::cerr << "sspr: warning: breached-password filter not used: " << path
                << " does not exist (password.breached_filter)\n";
    }
    return;
  }
  auto opened = breached::BreachedFilterFile::open(path);
  if (!opened) {
    // Every command must still run (a new `sspr breached import` is the fix), but the operator
    // must know that passwords are not being checked against the breached list.
    std::cerr << "sspr: warning: breached-password filter not used: " << opened.error().technical
              << "\n";
    return;
  }
  breached_ = std::move(opened).value();
}

std::string breached_filter_path(const config::Config& cfg) {
  if (!cfg.password.breached_filter.empty()) return cfg.password.breached_filter;
  return breached::default_filter_path(cfg.store.data_dir);
}

flows::DirectoryAdministration* CommandContext::open_directory() {
  auto dir = directory();
  if (!dir) {
    report_error(dir.error());
    return nullptr;
  }
  return *dir;
}

domain::RequestContext CommandContext::request_context() {
  return domain::RequestContext{random().uuid(), ""};
}

std::optional<domain::TenantId> CommandContext::tenant_id(const std::string& domain) {
  auto* dir = open_directory();
  if (!dir) return std::nullopt;
  auto tenant = dir->tenant_by_domain(actor(), domain);
  if (!tenant) {
    report_error(tenant.error());
    return std::nullopt;
  }
  return tenant->id;
}

void CommandContext::print(const nlohmann::json& json_value, const std::string& text) const {
  if (json) {
    std::cout << json_value.dump(2) << '\n';
  } else if (!text.empty()) {
    std::cout << text;
    if (text.back() != '\n') std::cout << '\n';
  }
  std::cout.flush();
}

void CommandContext::report_error(const domain::Error& error) {
  std::cerr << "sspr: error: " << error.technical << " (" << error.code << ")\n";
  if (json) {
    std::cout << nlohmann::json{{"error",
                                 {{"code", error.code},
                                  {"name", error.name},
                                  {"technical", error.technical}}}}
                     .dump(2)
              << '\n';
  }
  exit_code = exit_code_for(error.kind);
}

void CommandContext::report_usage_error(const std::string& message) {
  std::cerr << "sspr: error: " << message << '\n';
  exit_code = kExitBadUsage;
}

}  // namespace sspr::cli
