// [[onprem]] tables of the configuration file (issue 6): on-premises connections managed by the
// file, checked when loaded, with errors that name the table and the key.

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "config/config.h"

namespace sspr::config {
namespace {

namespace onprem = domain::onprem;

// A TOML file in a temporary directory of its own, removed at the end of the test.
class TomlFile {
 public:
  explicit TomlFile(const std::string& content)
      : dir_(std::filesystem::temp_directory_path() /
             ("sspr-onprem-config-" + std::to_string(::getpid()) + "-" +
              std::to_string(counter_++))) {
    std::filesystem::create_directories(dir_);
    std::ofstream(dir_ / "sspr.toml") << content;
  }
  ~TomlFile() { std::filesystem::remove_all(dir_); }
  std::string path() const { return (dir_ / "sspr.toml").string(); }
  std::string directory() const { return dir_.string(); }

 private:
  static inline int counter_ = 0;
  std::filesystem::path dir_;
};

constexpr const char* kContoso = R"toml([[onprem]]
tenant = "Contoso.Example"
url = "ldaps://dc1.contoso.example:636"
flavor = "active_directory"
bind_dn = "CN=sspr,OU=Service,DC=contoso,DC=example"
bind_password_file = "/etc/sspr/ad-password"
base_dn = "OU=People,DC=contoso,DC=example"
ca_file = "ad-ca.pem"
timeout_seconds = 5
disabled_filter = "(employeeStatus=left)"
)toml";

constexpr const char* kFabrikam = R"toml([[onprem]]
tenant = "fabrikam.example"
url = "ldap://ldap.fabrikam.example"
starttls = true
flavor = "openldap"
bind_dn = "cn=sspr,dc=fabrikam,dc=example"
bind_password_file = "secrets/ldap-password"
base_dn = "dc=fabrikam,dc=example"
upn_attribute = "uid"
)toml";

// The technical line of a refused configuration ("" when it loads).
std::string refusal(const std::string& content) {
  TomlFile file(content);
  auto config = load_config(file.path(), {});
  if (config.ok()) return "";
  EXPECT_EQ(config.error().name, "InvalidInput");
  return config.error().technical;
}

TEST(OnPremConfig, NoTablesNoConnections) {
  auto config = load_config(std::nullopt, {});
  ASSERT_TRUE(config.ok());
  EXPECT_TRUE(config->onprem.empty());
}

TEST(OnPremConfig, EveryKeyOfEveryTable) {
  TomlFile file(std::string("[log]\nlevel = \"warn\"\n\n") + kContoso + "\n" + kFabrikam);
  auto config = load_config(file.path(), {});
  ASSERT_TRUE(config.ok()) << config.error().technical;
  ASSERT_EQ(config->onprem.size(), 2u);
  EXPECT_EQ(config->log.level, "warn");

  const auto& contoso = config->onprem[0];
  EXPECT_EQ(contoso.tenant_domain, "contoso.example");  // lower-cased
  const auto& s = contoso.settings;
  EXPECT_EQ(s.url, "ldaps://dc1.contoso.example:636");
  EXPECT_EQ(s.flavor, onprem::DirectoryFlavor::kActiveDirectory);
  EXPECT_EQ(s.bind_dn, "CN=sspr,OU=Service,DC=contoso,DC=example");
  EXPECT_EQ(s.bind_password_file, "/etc/sspr/ad-password");
  EXPECT_EQ(s.base_dn, "OU=People,DC=contoso,DC=example");
  EXPECT_FALSE(s.starttls);
  // Relative paths are relative to the file's directory.
  EXPECT_EQ(s.ca_file, (std::filesystem::path(file.directory()) / "ad-ca.pem").string());
  EXPECT_EQ(s.timeout_seconds, 5);
  EXPECT_EQ(s.disabled_filter, "(employeeStatus=left)");
  EXPECT_TRUE(s.upn_attribute.empty());
  EXPECT_TRUE(s.managed_by_config);

  const auto& fabrikam = config->onprem[1].settings;
  EXPECT_EQ(config->onprem[1].tenant_domain, "fabrikam.example");
  EXPECT_EQ(fabrikam.flavor, onprem::DirectoryFlavor::kOpenLdap);
  EXPECT_TRUE(fabrikam.starttls);
  EXPECT_EQ(fabrikam.bind_password_file,
            (std::filesystem::path(file.directory()) / "secrets/ldap-password").string());
  EXPECT_EQ(fabrikam.timeout_seconds, onprem::kDefaultTimeoutSeconds);
  EXPECT_EQ(fabrikam.upn_attribute, "uid");
  EXPECT_TRUE(fabrikam.ca_file.empty());
}

TEST(OnPremConfig, BadValuesNameTheTableAndTheKey) {
  const std::string second_table = std::string(kContoso) + "\n" + kFabrikam;
  auto with = [&](const std::string& from, const std::string& to) {
    std::string text = second_table;
    const auto at = text.rfind(from);
    EXPECT_NE(at, std::string::npos) << from;
    return text.replace(at, from.size(), to);
  };
  EXPECT_EQ(refusal(with("starttls = true", "starttls = \"yes\"")).rfind("onprem[2].starttls: ", 0),
            0u);
  EXPECT_EQ(refusal(with("flavor = \"openldap\"", "flavor = \"ad\"")),
            "onprem[2].flavor: 'ad' is not one of openldap, active_directory");
  EXPECT_EQ(refusal(with("upn_attribute = \"uid\"", "timeout_seconds = 0")),
            "onprem[2].timeout_seconds: must be from 1 to 60 seconds");
  EXPECT_EQ(refusal(with("upn_attribute = \"uid\"", "timeout_seconds = \"10\"")),
            "onprem[2].timeout_seconds: must be an integer");
  EXPECT_EQ(refusal(with("upn_attribute = \"uid\"", "binddn = \"x\"")),
            "onprem[2].binddn: unknown configuration key");
  EXPECT_EQ(refusal(with("base_dn = \"dc=fabrikam,dc=example\"\n", "")),
            "onprem[2].base_dn: is required");
  // The connection's own rules (domain::onprem::validate_connection_settings).
  EXPECT_EQ(refusal(with("starttls = true\n", "")).rfind("onprem[2].url: ", 0), 0u);
  EXPECT_EQ(refusal(with("url = \"ldap://ldap.fabrikam.example\"", "url = \"http://x\""))
                .rfind("onprem[2].url: must start with ldap:// or ldaps://", 0),
            0u);
  EXPECT_EQ(refusal(with("upn_attribute = \"uid\"", "disabled_filter = \"left=1\""))
                .rfind("onprem[2].disabled_filter: ", 0),
            0u);
}

TEST(OnPremConfig, ATenantHasOneTableAndOnpremIsAnArrayOfTables) {
  EXPECT_EQ(refusal(std::string(kContoso) + "\n" + kContoso),
            "onprem[2].tenant: contoso.example has an earlier [[onprem]]");
  EXPECT_EQ(refusal("[onprem]\ntenant = \"contoso.example\"\n").rfind("onprem: ", 0), 0u);
}

}  // namespace
}  // namespace sspr::config
