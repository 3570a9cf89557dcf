#include "domain/onprem/connection_settings.h"

#include <gtest/gtest.h>

namespace sspr::domain::onprem {
namespace {

ConnectionSettings valid() {
  return ConnectionSettings{.tenant = 1,
                            .url = "ldap://127.0.0.1:3890",
                            .flavor = DirectoryFlavor::kOpenLdap,
                            .bind_dn = "cn=sspr-service,dc=contoso,dc=example",
                            .bind_password_file = "/etc/sspr/ldap-password",
                            .base_dn = "dc=contoso,dc=example",
                            .starttls = true,
                            .ca_file = "",
                            .timeout_seconds = 10,
                            .updated_at = "",
                            .upn_attribute = "",
                            .disabled_filter = "",
                            .managed_by_config = false};
}

std::string field_of(const Status& status) { return status ? "" : status.error().technical; }

TEST(LdapUrl, SchemeHostAndPortWithTheSchemesDefaultPorts) {
  auto plain = parse_ldap_url("ldap://dc1.contoso.example");
  ASSERT_TRUE(plain.ok());
  EXPECT_FALSE(plain->ldaps);
  EXPECT_EQ(plain->host, "dc1.contoso.example");
  EXPECT_EQ(plain->port, 389);
  auto secure = parse_ldap_url("ldaps://10.0.0.5:1636/");
  ASSERT_TRUE(secure.ok());
  EXPECT_TRUE(secure->ldaps);
  EXPECT_EQ(secure->host, "10.0.0.5");
  EXPECT_EQ(secure->port, 1636);
  EXPECT_EQ(parse_ldap_url("ldaps://[::1]:636")->host, "::1");
  EXPECT_EQ(parse_ldap_url("ldaps://[::1]")->port, 636);
}

TEST(LdapUrl, RefusesOtherSchemesPathsAndBadPorts) {
  for (const char* url : {"http://dc1", "ldapi:///", "ldap://", "ldap://dc1:0", "ldap://dc1:65536",
                          "ldap://dc1:", "ldap://dc1:12x", "ldap://dc1/dc=contoso", "ldap://dc1?x",
                          "ldap://user@dc1", "ldaps://[::1", "ldaps://[::1]x"}) {
    EXPECT_FALSE(parse_ldap_url(url).ok()) << url;
  }
}

TEST(ConnectionSettings, PasswordsOnlyTravelOverTls) {
  EXPECT_TRUE(validate_connection_settings(valid()).ok());
  auto plain = valid();
  plain.starttls = false;
  EXPECT_NE(field_of(validate_connection_settings(plain)).find("TLS"), std::string::npos);
  auto ldaps = valid();
  ldaps.url = "ldaps://127.0.0.1:6360";
  ldaps.starttls = false;
  EXPECT_TRUE(validate_connection_settings(ldaps).ok());
  ldaps.starttls = true;  // contradictory
  EXPECT_FALSE(validate_connection_settings(ldaps).ok());
}

TEST(ConnectionSettings, TimeoutFromOneToSixtySecondsDefaultTen) {
  EXPECT_EQ(ConnectionSettings{}.timeout_seconds, 10);
  for (int seconds : {1, 10, 60}) {
    auto s = valid();
    s.timeout_seconds = seconds;
    EXPECT_TRUE(validate_connection_settings(s).ok()) << seconds;
  }
  for (int seconds : {0, -1, 61}) {
    auto s = valid();
    s.timeout_seconds = seconds;
    EXPECT_FALSE(validate_connection_settings(s).ok()) << seconds;
  }
}

TEST(ConnectionSettings, DnsAndThePasswordFileAreRequired) {
  auto s = valid();
  s.bind_dn.clear();
  EXPECT_FALSE(validate_connection_settings(s).ok());
  s = valid();
  s.base_dn.clear();
  EXPECT_FALSE(validate_connection_settings(s).ok());
  s = valid();
  s.bind_password_file.clear();
  EXPECT_FALSE(validate_connection_settings(s).ok());
}

TEST(ConnectionSettings, TheDisabledFilterIsEmptyOrOneParenthesisedFilter) {
  auto s = valid();
  for (const char* good : {"", "(employeeStatus=left)", "(&(a=b)(!(c=d)))", "(cn=a\\28b\\29)"}) {
    s.disabled_filter = good;
    EXPECT_TRUE(validate_connection_settings(s).ok()) << good;
  }
  for (const char* bad : {"employeeStatus=left", "(a=b)(c=d)", "(&(a=b)", "(a=b))", "(a=(b)"}) {
    s.disabled_filter = bad;
    auto status = validate_connection_settings(s);
    ASSERT_FALSE(status.ok()) << bad;
    EXPECT_EQ(status.error().technical.rfind("disabled_filter: ", 0), 0u)
        << status.error().technical;
  }
  s.disabled_filter = "(a=" + std::string(1100, 'x') + ")";
  EXPECT_FALSE(validate_connection_settings(s).ok());
  s.disabled_filter = "(a=b\nc)";
  EXPECT_FALSE(validate_connection_settings(s).ok());
}

TEST(ConnectionSettings, AConnectionManagedByTheConfigurationFileRefusesChanges) {
  auto error = managed_by_config_error("contoso.example");
  EXPECT_EQ(error.kind, ErrorKind::kConflict);
  EXPECT_EQ(error.name, "ManagedByConfiguration");
  EXPECT_NE(error.technical.find("contoso.example"), std::string::npos);
  EXPECT_NE(error.technical.find("configuration file"), std::string::npos);
}

TEST(DirectoryFlavor, NamesRoundTrip) {
  for (auto flavor : {DirectoryFlavor::kOpenLdap, DirectoryFlavor::kActiveDirectory}) {
    EXPECT_EQ(parse_flavor(flavor_name(flavor)), flavor);
  }
  EXPECT_EQ(flavor_name(DirectoryFlavor::kActiveDirectory), "active_directory");
  EXPECT_FALSE(parse_flavor("ad").has_value());
}

}  // namespace
}  // namespace sspr::domain::onprem
