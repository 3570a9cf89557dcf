#include "config/config.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <limits>
#include <string_view>
#include <variant>
#include <vector>

#include <toml++/toml.h>

#include "domain/ascii_text.h"
#include "domain/error.h"

extern char** environ;

namespace sspr::config {
namespace {

using domain::Error;
using domain::Result;
using domain::Status;
namespace errors = domain::errors;

// One configuration key and where its value goes in a Config.
struct KeyBinding {
  std::string_view section;
  std::string_view key;
  std::variant<std::string*, std::size_t*, unsigned*, bool*> target;
};

std::vector<KeyBinding> bindings_of(Config& c) {
  return {
      {"server", "listen", &c.server.listen},
      {"server", "io_threads", &c.server.io_threads},
      {"server", "worker_threads", &c.server.worker_threads},
      {"server", "request_fibers", &c.server.request_fibers},
      {"server", "max_body_bytes", &c.server.max_body_bytes},
      {"server", "max_json_depth", &c.server.max_json_depth},
      {"server", "request_timeout_seconds", &c.server.request_timeout_seconds},
      {"store", "db", &c.store.db},
      {"store", "data_dir", &c.store.data_dir},
      {"store", "pool_size", &c.store.pool_size},
      {"store", "commit_delay_ms", &c.store.commit_delay_ms},
      {"security", "argon2_memory_kib", &c.security.argon2_memory_kib},
      {"security", "argon2_iterations", &c.security.argon2_iterations},
      {"security", "max_concurrent_hashes", &c.security.max_concurrent_hashes},
      {"security", "password_hashing", &c.security.password_hashing},
      {"security", "secret_key_file", &c.security.secret_key_file},
      {"notify", "email", &c.notify.email},
      {"notify", "sms", &c.notify.sms},
      {"notify", "outbox_path", &c.notify.outbox_path},
      {"password", "breached_filter", &c.password.breached_filter},
      {"notify", "smtp_url", &c.notify.smtp_url},
      {"notify", "smtp_from", &c.notify.smtp_from},
      {"notify", "smtp_username", &c.notify.smtp_username},
      {"notify", "smtp_password_file", &c.notify.smtp_password_file},
      {"notify", "smtp_starttls", &c.notify.smtp_starttls},
      {"notify", "smtp_ca_file", &c.notify.smtp_ca_file},
      {"notify", "sms_url", &c.notify.sms_url},
      {"notify", "voice_url", &c.notify.voice_url},
      {"notify", "sms_format", &c.notify.sms_format},
      {"notify", "sms_from", &c.notify.sms_from},
      {"notify", "sms_token_file", &c.notify.sms_token_file},
      {"notify", "sms_account_sid", &c.notify.sms_account_sid},
      {"notify", "sms_ca_file", &c.notify.sms_ca_file},
      {"notify", "connect_timeout_seconds", &c.notify.connect_timeout_seconds},
      {"notify", "timeout_seconds", &c.notify.timeout_seconds},
      {"notify", "attempts", &c.notify.attempts},
      {"notify", "retry_backoff_ms", &c.notify.retry_backoff_ms},
      {"captcha", "difficulty", &c.captcha.difficulty},
      {"log", "level", &c.log.level},
      {"session", "idle_minutes", &c.session.idle_minutes},
      {"session", "absolute_hours", &c.session.absolute_hours},
      {"session", "secure_cookie", &c.session.secure_cookie},
      {"server", "tls_certificate", &c.server.tls_certificate},
      {"server", "tls_private_key", &c.server.tls_private_key},
      {"server", "trusted_proxies", &c.server.trusted_proxies},
      {"metrics", "token_file", &c.metrics.token_file},
  };
}

constexpr std::string_view kSections[] = {"server",  "store", "security", "notify", "password",
                                          "captcha", "log",   "session",  "metrics"};
// An array of tables, read by read_onprem_tables.
constexpr std::string_view kOnPremSection = "onprem";

std::string upper(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

std::string environment_name(std::string_view section, std::string_view key) {
  return "SSPR_" + upper(section) + "_" + upper(key);
}

std::string dotted(std::string_view section, std::string_view key) {
  return std::string(section) + "." + std::string(key);
}

template <typename Number>
Status assign_number(Number* target, long long value, const std::string& name) {
  if (value < 0 || static_cast<unsigned long long>(value) > std::numeric_limits<Number>::max()) {
    return errors::invalid_input(name, "must be a non-negative integer in range");
  }
  *target = static_cast<Number>(value);
  return domain::ok_status();
}

// A value from the TOML file: its TOML type must match the key's type.
Status assign_from_toml(const KeyBinding& binding, const toml::node& node) {
  const std::string name = dotted(binding.section, binding.key);
  if (auto* text = std::get_if<std::string*>(&binding.target)) {
    auto value = node.value_exact<std::string>();
    if (!value) return errors::invalid_input(name, "must be a string");
    **text = *value;
    return domain::ok_status();
  }
  if (auto* flag = std::get_if<bool*>(&binding.target)) {
    auto value = node.value_exact<bool>();
    if (!value) return errors::invalid_input(name, "must be true or false");
    **flag = *value;
    return domain::ok_status();
  }
  auto value = node.value_exact<int64_t>();
  if (!value) return errors::invalid_input(name, "must be an integer");
  if (auto* count = std::get_if<std::size_t*>(&binding.target)) {
    return assign_number(*count, *value, name);
  }
  return assign_number(std::get<unsigned*>(binding.target), *value, name);
}

// A value from the environment: text, parsed strictly for numbers.
Status assign_from_text(const KeyBinding& binding, const std::string& text) {
  const std::string name = dotted(binding.section, binding.key) + " (" +
                           environment_name(binding.section, binding.key) + ")";
  if (auto* target = std::get_if<std::string*>(&binding.target)) {
    **target = text;
    return domain::ok_status();
  }
  if (auto* flag = std::get_if<bool*>(&binding.target)) {
    if (text != "true" && text != "false")
      return errors::invalid_input(name, "must be true or false");
    **flag = text == "true";
    return domain::ok_status();
  }
  long long value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end) {
    return errors::invalid_input(name, "must be a non-negative integer");
  }
  if (auto* count = std::get_if<std::size_t*>(&binding.target)) {
    return assign_number(*count, value, name);
  }
  return assign_number(std::get<unsigned*>(binding.target), value, name);
}

const KeyBinding* find_binding(const std::vector<KeyBinding>& bindings, std::string_view section,
                               std::string_view key) {
  for (const auto& binding : bindings) {
    if (binding.section == section && binding.key == key) return &binding;
  }
  return nullptr;
}

bool is_section(std::string_view name) {
  return std::find(std::begin(kSections), std::end(kSections), name) != std::end(kSections);
}

// One [[onprem]] table (`index` counted from 1) as a configured connection.
Result<domain::onprem::ConfiguredConnection> read_onprem_table(
    const toml::table& table, std::size_t index, const std::filesystem::path& base_directory) {
  namespace onprem = domain::onprem;
  const std::string prefix = "onprem[" + std::to_string(index) + "].";
  onprem::ConfiguredConnection out;
  auto& s = out.settings;
  std::string flavor;
  struct Text {
    std::string_view key;
    std::string* target;
    bool required;
  };
  const Text texts[] = {{"tenant", &out.tenant_domain, true},
                        {"url", &s.url, true},
                        {"flavor", &flavor, true},
                        {"bind_dn", &s.bind_dn, true},
                        {"bind_password_file", &s.bind_password_file, true},
                        {"base_dn", &s.base_dn, true},
                        {"ca_file", &s.ca_file, false},
                        {"upn_attribute", &s.upn_attribute, false},
                        {"disabled_filter", &s.disabled_filter, false}};
  for (const auto& [key, node] : table) {
    const std::string name = prefix + std::string(key.str());
    bool known = false;
    for (const auto& text : texts) {
      if (text.key != key.str()) continue;
      auto value = node.value_exact<std::string>();
      if (!value) return errors::invalid_input(name, "must be a string");
      *text.target = *value;
      known = true;
    }
    if (known) continue;
    if (key.str() == "starttls") {
      auto value = node.value_exact<bool>();
      if (!value) return errors::invalid_input(name, "must be true or false");
      s.starttls = *value;
    } else if (key.str() == "timeout_seconds") {
      auto value = node.value_exact<int64_t>();
      if (!value) return errors::invalid_input(name, "must be an integer");
      if (*value < onprem::kMinTimeoutSeconds || *value > onprem::kMaxTimeoutSeconds) {
        return errors::invalid_input(name, "must be from 1 to 60 seconds");
      }
      s.timeout_seconds = static_cast<int>(*value);
    } else {
      return errors::invalid_input(name, "unknown configuration key");
    }
  }
  for (const auto& text : texts) {
    if (text.required && text.target->empty()) {
      return errors::invalid_input(prefix + std::string(text.key), "is required");
    }
  }
  out.tenant_domain = domain::ascii_lower(out.tenant_domain);
  auto parsed = onprem::parse_flavor(flavor);
  if (!parsed) {
    return errors::invalid_input(prefix + "flavor",
                                 "'" + flavor + "' is not one of openldap, active_directory");
  }
  s.flavor = *parsed;
  for (std::string* path : {&s.bind_password_file, &s.ca_file}) {
    if (!path->empty()) *path = (base_directory / *path).lexically_normal().string();
  }
  s.managed_by_config = true;
  if (auto valid = onprem::validate_connection_settings(s); !valid) {
    // "field: reason" from the domain, named as the file names it.
    const auto& technical = valid.error().technical;
    const auto colon = technical.find(": ");
    return errors::invalid_input(prefix + technical.substr(0, colon),
                                 colon == std::string::npos ? "" : technical.substr(colon + 2));
  }
  return out;
}

Status read_onprem_tables(const toml::node& node, const std::filesystem::path& base_directory,
                          std::vector<domain::onprem::ConfiguredConnection>& out) {
  const auto* array = node.as_array();
  if (!array || !array->is_array_of_tables()) {
    return errors::invalid_input("onprem", "must be an array of tables: write [[onprem]]");
  }
  for (std::size_t i = 0; i < array->size(); ++i) {
    auto connection = read_onprem_table(*array->get(i)->as_table(), i + 1, base_directory);
    if (!connection) return connection.error();
    for (const auto& earlier : out) {
      if (earlier.tenant_domain == connection->tenant_domain) {
        return errors::invalid_input("onprem[" + std::to_string(i + 1) + "].tenant",
                                     connection->tenant_domain + " has an earlier [[onprem]]");
      }
    }
    out.push_back(std::move(connection).value());
  }
  return domain::ok_status();
}

Status apply_file(const std::string& path, const std::vector<KeyBinding>& bindings,
                  std::vector<domain::onprem::ConfiguredConnection>& onprem) {
  toml::table root;
  try {
    root = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    const auto& where = e.source().begin;
    return errors::invalid_input("config", path + ":" + std::to_string(where.line) + ":" +
                                               std::to_string(where.column) + ": " +
                                               std::string(e.description()));
  } catch (const std::exception& e) {
    return errors::invalid_input("config", path + ": " + e.what());
  }
  for (const auto& [section_key, section_node] : root) {
    const std::string_view section = section_key.str();
    if (section == kOnPremSection) {
      const auto directory = std::filesystem::absolute(path).parent_path();
      if (auto status = read_onprem_tables(section_node, directory, onprem); !status) {
        return status;
      }
      continue;
    }
    if (!is_section(section)) {
      return errors::invalid_input(std::string(section), "unknown configuration section");
    }
    const auto* table = section_node.as_table();
    if (!table) return errors::invalid_input(std::string(section), "must be a table");
    for (const auto& [key, node] : *table) {
      const auto* binding = find_binding(bindings, section, key.str());
      if (!binding) {
        return errors::invalid_input(dotted(section, key.str()), "unknown configuration key");
      }
      if (auto status = assign_from_toml(*binding, node); !status) return status;
    }
  }
  return domain::ok_status();
}

Status apply_environment(const std::map<std::string, std::string>& environment,
                         const std::vector<KeyBinding>& bindings) {
  for (const auto& [name, value] : environment) {
    bool known = false;
    for (const auto& binding : bindings) {
      if (environment_name(binding.section, binding.key) != name) continue;
      if (auto status = assign_from_text(binding, value); !status) return status;
      known = true;
      break;
    }
    if (known) continue;
    // Names under a known section prefix are typos of a key; other SSPR_* names belong to
    // the tooling around the server and are left alone.
    for (const auto section : kSections) {
      if (name.rfind("SSPR_" + upper(section) + "_", 0) == 0) {
        return errors::invalid_input(name, "unknown configuration variable");
      }
    }
  }
  return domain::ok_status();
}

Status require_one_of(const std::string& name, const std::string& value,
                      std::initializer_list<std::string_view> allowed) {
  for (const auto candidate : allowed) {
    if (value == candidate) return domain::ok_status();
  }
  std::string list;
  for (const auto candidate : allowed) {
    list += (list.empty() ? "" : ", ") + std::string(candidate);
  }
  return errors::invalid_input(name, "'" + value + "' is not one of " + list);
}

Status validate(const Config& c) {
  if (c.server.listen.empty()) return errors::invalid_input("server.listen", "must not be empty");
  if (c.server.max_body_bytes == 0) {
    return errors::invalid_input("server.max_body_bytes", "must be positive");
  }
  if (c.server.max_json_depth == 0) {
    return errors::invalid_input("server.max_json_depth", "must be positive");
  }
  if (c.store.pool_size == 0) return errors::invalid_input("store.pool_size", "must be positive");
  if (c.store.commit_delay_ms > 1000) {
    return errors::invalid_input("store.commit_delay_ms", "must be at most 1000 (0 turns it off)");
  }
  if (c.server.tls_certificate.empty() != c.server.tls_private_key.empty()) {
    return errors::invalid_input("server.tls_certificate",
                                 "TLS needs both tls_certificate and tls_private_key");
  }
  if (c.security.argon2_iterations == 0) {
    return errors::invalid_input("security.argon2_iterations", "must be positive");
  }
  if (auto s = require_one_of("security.password_hashing", c.security.password_hashing,
                              {"processes", "threads"});
      !s) {
    return s;
  }
  if (c.captcha.difficulty == 0) {
    return errors::invalid_input("captcha.difficulty", "must be positive");
  }
  if (c.session.idle_minutes == 0 || c.session.absolute_hours == 0) {
    return errors::invalid_input("session", "idle_minutes and absolute_hours must be positive");
  }
  if (auto s = require_one_of("notify.email", c.notify.email, {"smtp", "file"}); !s) return s;
  if (auto s = require_one_of("notify.sms", c.notify.sms, {"webhook", "file"}); !s) return s;
  if (auto s = require_one_of("notify.sms_format", c.notify.sms_format, {"json", "twilio"}); !s) {
    return s;
  }
  if (c.notify.attempts == 0) return errors::invalid_input("notify.attempts", "must be positive");
  if (c.notify.connect_timeout_seconds == 0) {
    return errors::invalid_input("notify.connect_timeout_seconds", "must be positive");
  }
  if (c.notify.timeout_seconds == 0) {
    return errors::invalid_input("notify.timeout_seconds", "must be positive");
  }
  return require_one_of("log.level", c.log.level, {"trace", "debug", "info", "warn", "error"});
}

}  // namespace

Result<Config> load_config(const std::optional<std::string>& path,
                           const std::map<std::string, std::string>& environment) {
  Config config;
  const auto bindings = bindings_of(config);
  if (path) {
    if (auto status = apply_file(*path, bindings, config.onprem); !status) return status.error();
  }
  if (auto status = apply_environment(environment, bindings); !status) return status.error();
  if (auto status = validate(config); !status) return status.error();
  return config;
}

std::string secret_key_path(const Config& config) {
  if (!config.security.secret_key_file.empty()) return config.security.secret_key_file;
  return (std::filesystem::path(config.store.data_dir) / "secret.key").string();
}

std::map<std::string, std::string> process_environment() {
  std::map<std::string, std::string> out;
  for (char** entry = environ; entry && *entry; ++entry) {
    const std::string_view text(*entry);
    if (text.rfind("SSPR_", 0) != 0) continue;
    const auto equals = text.find('=');
    if (equals == std::string_view::npos) continue;
    out.emplace(std::string(text.substr(0, equals)), std::string(text.substr(equals + 1)));
  }
  return out;
}

}  // namespace sspr::config
