#include "config/config.h"

#include <cstdio>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace sspr::config {
namespace {

// A TOML file in the test's temporary directory, removed again at the end of the test.
class TomlFile {
 public:
  explicit TomlFile(const std::string& content)
      : path_(std::filesystem::temp_directory_path() /
              ("sspr-config-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++) +
               ".toml")) {
    std::ofstream(path_) << content;
  }
  ~TomlFile() { std::filesystem::remove(path_); }
  std::string path() const { return path_.string(); }

 private:
  static inline int counter_ = 0;
  std::filesystem::path path_;
};

TEST(LoadConfig, DefaultsWithoutFileOrEnvironment) {
  auto config = load_config(std::nullopt, {});
  ASSERT_TRUE(config.ok()) << config.error().technical;
  EXPECT_EQ(config->server.listen, "127.0.0.1:8080");
  EXPECT_EQ(config->server.max_body_bytes, 64u * 1024u);
  EXPECT_EQ(config->server.max_json_depth, 32u);
  EXPECT_EQ(config->store.data_dir, "./sspr-data");
  EXPECT_EQ(config->notify.email, "file");
  EXPECT_EQ(config->captcha.difficulty, 50000u);
  EXPECT_EQ(config->log.level, "info");
}

TEST(LoadConfig, ReadsEverySectionOfTheFile) {
  TomlFile file(R"(
[server]
listen = "127.0.0.1:0"
io_threads = 2
worker_threads = 4
max_body_bytes = 1024
max_json_depth = 8
request_timeout_seconds = 5
[store]
db = "sqlite:/tmp/x.db"
data_dir = "/tmp/data"
pool_size = 3
[security]
argon2_memory_kib = 1024
argon2_iterations = 1
[notify]
email = "smtp"
sms = "webhook"
outbox_path = "/tmp/outbox.jsonl"
[captcha]
difficulty = 10
[log]
level = "debug"
)");
  auto config = load_config(file.path(), {});
  ASSERT_TRUE(config.ok()) << config.error().technical;
  EXPECT_EQ(config->server.listen, "127.0.0.1:0");
  EXPECT_EQ(config->server.io_threads, 2u);
  EXPECT_EQ(config->server.worker_threads, 4u);
  EXPECT_EQ(config->server.max_body_bytes, 1024u);
  EXPECT_EQ(config->server.max_json_depth, 8u);
  EXPECT_EQ(config->server.request_timeout_seconds, 5u);
  EXPECT_EQ(config->store.db, "sqlite:/tmp/x.db");
  EXPECT_EQ(config->store.data_dir, "/tmp/data");
  EXPECT_EQ(config->store.pool_size, 3u);
  EXPECT_EQ(config->security.argon2_memory_kib, 1024u);
  EXPECT_EQ(config->security.argon2_iterations, 1u);
  EXPECT_EQ(config->notify.email, "smtp");
  EXPECT_EQ(config->notify.sms, "webhook");
  EXPECT_EQ(config->notify.outbox_path, "/tmp/outbox.jsonl");
  EXPECT_EQ(config->captcha.difficulty, 10u);
  EXPECT_EQ(config->log.level, "debug");
}

TEST(LoadConfig, EnvironmentWinsOverTheFile) {
  TomlFile file("[server]\nlisten = \"127.0.0.1:9000\"\n[captcha]\ndifficulty = 10\n");
  auto config = load_config(file.path(), {{"SSPR_SERVER_LISTEN", "127.0.0.1:9001"},
                                          {"SSPR_CAPTCHA_DIFFICULTY", "20"},
                                          {"SSPR_NOTIFY_OUTBOX_PATH", "/tmp/o.jsonl"},
                                          {"SSPR_STORE_DB", "postgresql://u@h/db"}});
  ASSERT_TRUE(config.ok()) << config.error().technical;
  EXPECT_EQ(config->server.listen, "127.0.0.1:9001");
  EXPECT_EQ(config->captcha.difficulty, 20u);
  EXPECT_EQ(config->notify.outbox_path, "/tmp/o.jsonl");
  EXPECT_EQ(config->store.db, "postgresql://u@h/db");
}

TEST(LoadConfig, BreachedFilterPathFromFileOrEnvironment) {
  TomlFile file("[password]\nbreached_filter = \"/srv/sspr/pwned.filter\"\n");
  auto from_file = load_config(file.path(), {});
  ASSERT_TRUE(from_file.ok()) << from_file.error().technical;
  EXPECT_EQ(from_file->password.breached_filter, "/srv/sspr/pwned.filter");
  auto from_env = load_config(file.path(), {{"SSPR_PASSWORD_BREACHED_FILTER", "/x.filter"}});
  ASSERT_TRUE(from_env.ok()) << from_env.error().technical;
  EXPECT_EQ(from_env->password.breached_filter, "/x.filter");
  auto unset = load_config(std::nullopt, {});
  ASSERT_TRUE(unset.ok());
  EXPECT_EQ(unset->password.breached_filter, "");
}

TEST(LoadConfig, SecretKeyFileDefaultsToTheDataDirectory) {
  auto defaults = load_config(std::nullopt, {{"SSPR_STORE_DATA_DIR", "/var/lib/sspr"}});
  ASSERT_TRUE(defaults.ok()) << defaults.error().technical;
  EXPECT_EQ(defaults->security.secret_key_file, "");
  EXPECT_EQ(secret_key_path(*defaults), "/var/lib/sspr/secret.key");

  TomlFile file("[security]\nsecret_key_file = \"/etc/sspr/secret.key\"\n");
  auto from_file = load_config(file.path(), {});
  ASSERT_TRUE(from_file.ok()) << from_file.error().technical;
  EXPECT_EQ(secret_key_path(*from_file), "/etc/sspr/secret.key");

  auto from_env = load_config(file.path(), {{"SSPR_SECURITY_SECRET_KEY_FILE", "/run/key"}});
  ASSERT_TRUE(from_env.ok());
  EXPECT_EQ(secret_key_path(*from_env), "/run/key");
}

TEST(LoadConfig, MaxConcurrentHashesFromFileOrEnvironment) {
  auto defaults = load_config(std::nullopt, {});
  ASSERT_TRUE(defaults.ok()) << defaults.error().technical;
  EXPECT_EQ(defaults->security.max_concurrent_hashes, 0u);  // one per core

  TomlFile file("[security]\nmax_concurrent_hashes = 3\n");
  auto from_file = load_config(file.path(), {});
  ASSERT_TRUE(from_file.ok()) << from_file.error().technical;
  EXPECT_EQ(from_file->security.max_concurrent_hashes, 3u);

  auto from_environment = load_config(file.path(), {{"SSPR_SECURITY_MAX_CONCURRENT_HASHES", "5"}});
  ASSERT_TRUE(from_environment.ok()) << from_environment.error().technical;
  EXPECT_EQ(from_environment->security.max_concurrent_hashes, 5u);
}

TEST(LoadConfig, CommitDelayFromFileOrEnvironmentAndAtMostASecond) {
  auto defaults = load_config(std::nullopt, {});
  ASSERT_TRUE(defaults.ok()) << defaults.error().technical;
  EXPECT_EQ(defaults->store.commit_delay_ms, 20u);

  TomlFile file("[store]\ncommit_delay_ms = 0\n");  // off
  auto from_file = load_config(file.path(), {});
  ASSERT_TRUE(from_file.ok()) << from_file.error().technical;
  EXPECT_EQ(from_file->store.commit_delay_ms, 0u);

  auto from_environment = load_config(file.path(), {{"SSPR_STORE_COMMIT_DELAY_MS", "7"}});
  ASSERT_TRUE(from_environment.ok()) << from_environment.error().technical;
  EXPECT_EQ(from_environment->store.commit_delay_ms, 7u);

  auto too_long = load_config(std::nullopt, {{"SSPR_STORE_COMMIT_DELAY_MS", "1001"}});
  ASSERT_FALSE(too_long.ok());
  EXPECT_NE(too_long.error().technical.find("store.commit_delay_ms"), std::string::npos);
}

TEST(LoadConfig, PasswordHashingInProcessesUnlessTheFileOrEnvironmentSaysThreads) {
  auto defaults = load_config(std::nullopt, {});
  ASSERT_TRUE(defaults.ok()) << defaults.error().technical;
  EXPECT_EQ(defaults->security.password_hashing, "processes");

  TomlFile file("[security]\npassword_hashing = \"threads\"\n");
  auto from_file = load_config(file.path(), {});
  ASSERT_TRUE(from_file.ok()) << from_file.error().technical;
  EXPECT_EQ(from_file->security.password_hashing, "threads");

  auto from_environment =
      load_config(file.path(), {{"SSPR_SECURITY_PASSWORD_HASHING", "processes"}});
  ASSERT_TRUE(from_environment.ok()) << from_environment.error().technical;
  EXPECT_EQ(from_environment->security.password_hashing, "processes");

  auto unknown = load_config(std::nullopt, {{"SSPR_SECURITY_PASSWORD_HASHING", "fork"}});
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().technical.find("security.password_hashing"), std::string::npos);
}

TEST(LoadConfig, MissingFileIsAnError) {
  auto config = load_config("/nonexistent/sspr.toml", {});
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().name, "InvalidInput");
  EXPECT_NE(config.error().technical.find("/nonexistent/sspr.toml"), std::string::npos);
}

TEST(LoadConfig, SyntaxErrorNamesTheLine) {
  TomlFile file("[server]\nlisten = \n");
  auto config = load_config(file.path(), {});
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().name, "InvalidInput");
  EXPECT_NE(config.error().technical.find(":2:"), std::string::npos) << config.error().technical;
}

TEST(LoadConfig, UnknownKeyIsAnErrorNamingTheKey) {
  TomlFile file("[server]\nlisten_on = \"x\"\n");
  auto config = load_config(file.path(), {});
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().name, "InvalidInput");
  EXPECT_NE(config.error().technical.find("server.listen_on"), std::string::npos);
}

TEST(LoadConfig, UnknownSectionIsAnError) {
  TomlFile file("[servr]\nlisten = \"x\"\n");
  auto config = load_config(file.path(), {});
  ASSERT_FALSE(config.ok());
  EXPECT_NE(config.error().technical.find("servr"), std::string::npos);
}

TEST(LoadConfig, WrongTypeInFileIsAnErrorNamingTheKey) {
  TomlFile file("[server]\nmax_body_bytes = \"big\"\n");
  auto config = load_config(file.path(), {});
  ASSERT_FALSE(config.ok());
  EXPECT_NE(config.error().technical.find("server.max_body_bytes"), std::string::npos);

  TomlFile text_as_number("[log]\nlevel = 3\n");
  auto second = load_config(text_as_number.path(), {});
  ASSERT_FALSE(second.ok());
  EXPECT_NE(second.error().technical.find("log.level"), std::string::npos);
}

TEST(LoadConfig, NegativeNumberIsAnError) {
  TomlFile file("[server]\nio_threads = -1\n");
  auto config = load_config(file.path(), {});
  ASSERT_FALSE(config.ok());
  EXPECT_NE(config.error().technical.find("server.io_threads"), std::string::npos);
}

TEST(LoadConfig, NonNumericEnvironmentValueIsAnErrorNamingTheVariable) {
  auto config = load_config(std::nullopt, {{"SSPR_CAPTCHA_DIFFICULTY", "12x"}});
  ASSERT_FALSE(config.ok());
  EXPECT_NE(config.error().technical.find("SSPR_CAPTCHA_DIFFICULTY"), std::string::npos);
}

TEST(LoadConfig, UnknownVariableOfAKnownSectionIsAnError) {
  auto config = load_config(std::nullopt, {{"SSPR_SERVER_LISTN", "x"}});
  ASSERT_FALSE(config.ok());
  EXPECT_NE(config.error().technical.find("SSPR_SERVER_LISTN"), std::string::npos);
}

TEST(LoadConfig, OtherSsprVariablesAreIgnored) {
  auto config = load_config(std::nullopt, {{"SSPR_BINARY", "/usr/bin/sspr"}});
  EXPECT_TRUE(config.ok());
}

TEST(LoadConfig, RejectsUnknownChoices) {
  auto level = load_config(std::nullopt, {{"SSPR_LOG_LEVEL", "loud"}});
  ASSERT_FALSE(level.ok());
  EXPECT_NE(level.error().technical.find("log.level"), std::string::npos);
  auto email = load_config(std::nullopt, {{"SSPR_NOTIFY_EMAIL", "pigeon"}});
  ASSERT_FALSE(email.ok());
  EXPECT_NE(email.error().technical.find("notify.email"), std::string::npos);
}

TEST(LoadConfig, NotifyTransportKeysFromTheFile) {
  TomlFile file(R"(
[notify]
email = "smtp"
sms = "webhook"
smtp_url = "smtp://127.0.0.1:2525"
smtp_from = "OpenSSPR <noreply@contoso.example>"
smtp_username = "sspr"
smtp_password_file = "/run/secrets/smtp"
smtp_starttls = false
smtp_ca_file = "/etc/ssl/ca.pem"
sms_url = "https://sms.example/send"
voice_url = "https://sms.example/call"
sms_format = "twilio"
sms_from = "+15005550006"
sms_token_file = "/run/secrets/sms"
sms_account_sid = "AC123"
sms_ca_file = "/etc/ssl/sms-ca.pem"
connect_timeout_seconds = 2
timeout_seconds = 7
attempts = 4
retry_backoff_ms = 50
)");
  auto config = load_config(file.path(), {});
  ASSERT_TRUE(config.ok()) << config.error().technical;
  const auto& n = config->notify;
  EXPECT_EQ(n.smtp_url, "smtp://127.0.0.1:2525");
  EXPECT_EQ(n.smtp_from, "OpenSSPR <noreply@contoso.example>");
  EXPECT_EQ(n.smtp_username, "sspr");
  EXPECT_EQ(n.smtp_password_file, "/run/secrets/smtp");
  EXPECT_FALSE(n.smtp_starttls);
  EXPECT_EQ(n.smtp_ca_file, "/etc/ssl/ca.pem");
  EXPECT_EQ(n.sms_url, "https://sms.example/send");
  EXPECT_EQ(n.voice_url, "https://sms.example/call");
  EXPECT_EQ(n.sms_format, "twilio");
  EXPECT_EQ(n.sms_from, "+15005550006");
  EXPECT_EQ(n.sms_token_file, "/run/secrets/sms");
  EXPECT_EQ(n.sms_account_sid, "AC123");
  EXPECT_EQ(n.sms_ca_file, "/etc/ssl/sms-ca.pem");
  EXPECT_EQ(n.connect_timeout_seconds, 2u);
  EXPECT_EQ(n.timeout_seconds, 7u);
  EXPECT_EQ(n.attempts, 4u);
  EXPECT_EQ(n.retry_backoff_ms, 50u);
}

TEST(LoadConfig, NotifyDefaults) {
  auto config = load_config(std::nullopt, {});
  ASSERT_TRUE(config.ok());
  EXPECT_TRUE(config->notify.smtp_starttls);
  EXPECT_EQ(config->notify.sms_format, "json");
  EXPECT_EQ(config->notify.attempts, 3u);
  EXPECT_EQ(config->notify.retry_backoff_ms, 500u);
  EXPECT_EQ(config->notify.connect_timeout_seconds, 5u);
  EXPECT_EQ(config->notify.timeout_seconds, 15u);
}

TEST(LoadConfig, NotifyKeysFromTheEnvironmentIncludingBooleans) {
  TomlFile file("[notify]\nsmtp_starttls = true\n");
  auto config = load_config(file.path(), {{"SSPR_NOTIFY_SMTP_STARTTLS", "false"},
                                          {"SSPR_NOTIFY_SMTP_URL", "smtps://mail.example:465"},
                                          {"SSPR_NOTIFY_SMS_FORMAT", "twilio"},
                                          {"SSPR_NOTIFY_ATTEMPTS", "1"}});
  ASSERT_TRUE(config.ok()) << config.error().technical;
  EXPECT_FALSE(config->notify.smtp_starttls);
  EXPECT_EQ(config->notify.smtp_url, "smtps://mail.example:465");
  EXPECT_EQ(config->notify.sms_format, "twilio");
  EXPECT_EQ(config->notify.attempts, 1u);
  auto on = load_config(std::nullopt, {{"SSPR_NOTIFY_SMTP_STARTTLS", "true"}});
  ASSERT_TRUE(on.ok());
  EXPECT_TRUE(on->notify.smtp_starttls);
}

TEST(LoadConfig, NotifyBadValuesNameTheKey) {
  auto yes = load_config(std::nullopt, {{"SSPR_NOTIFY_SMTP_STARTTLS", "yes"}});
  ASSERT_FALSE(yes.ok());
  EXPECT_NE(yes.error().technical.find("SSPR_NOTIFY_SMTP_STARTTLS"), std::string::npos);
  TomlFile text_flag("[notify]\nsmtp_starttls = \"true\"\n");
  auto quoted = load_config(text_flag.path(), {});
  ASSERT_FALSE(quoted.ok());
  EXPECT_NE(quoted.error().technical.find("notify.smtp_starttls"), std::string::npos);
  auto format = load_config(std::nullopt, {{"SSPR_NOTIFY_SMS_FORMAT", "xml"}});
  ASSERT_FALSE(format.ok());
  EXPECT_NE(format.error().technical.find("notify.sms_format"), std::string::npos);
  auto attempts = load_config(std::nullopt, {{"SSPR_NOTIFY_ATTEMPTS", "0"}});
  ASSERT_FALSE(attempts.ok());
  EXPECT_NE(attempts.error().technical.find("notify.attempts"), std::string::npos);
  auto timeout = load_config(std::nullopt, {{"SSPR_NOTIFY_TIMEOUT_SECONDS", "0"}});
  ASSERT_FALSE(timeout.ok());
  EXPECT_NE(timeout.error().technical.find("notify.timeout_seconds"), std::string::npos);
}

TEST(ProcessEnvironment, ReturnsOnlySsprVariables) {
  ::setenv("SSPR_CONFIG_TEST_MARKER", "yes", 1);
  ::setenv("NOT_SSPR_MARKER", "no", 1);
  auto environment = process_environment();
  EXPECT_EQ(environment["SSPR_CONFIG_TEST_MARKER"], "yes");
  EXPECT_EQ(environment.count("NOT_SSPR_MARKER"), 0u);
  ::unsetenv("SSPR_CONFIG_TEST_MARKER");
  ::unsetenv("NOT_SSPR_MARKER");
}

}  // namespace
}  // namespace sspr::config
