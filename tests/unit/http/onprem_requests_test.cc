#include "http/onprem_requests.h"

#include <gtest/gtest.h>

#include "request_test_support.h"

namespace sspr::http {
namespace {

constexpr const char* kSettings =
    R"({"url":"ldaps://dc1.contoso.example","flavor":"active_directory","bind_dn":"CN=sspr",)"
    R"("bind_password_file":"/etc/sspr/bind.pw","base_dn":"DC=contoso,DC=example")";

nlohmann::json settings_with(const std::string& more) {
  return nlohmann::json::parse(std::string(kSettings) + more + "}");
}

TEST(OnPremisesRequests, ConnectionSettingsAreRead) {
  auto settings = read_connection_settings_request(
      settings_with(R"(,"starttls":true,"timeout_seconds":5,"upn_attribute":"mail",)"
                    R"x("disabled_filter":"(pwdLockout=TRUE)")x"),
      7);
  ASSERT_TRUE(settings);
  EXPECT_EQ(settings->tenant, 7);
  EXPECT_EQ(settings->url, "ldaps://dc1.contoso.example");
  EXPECT_EQ(settings->flavor, domain::onprem::DirectoryFlavor::kActiveDirectory);
  EXPECT_EQ(settings->bind_password_file, "/etc/sspr/bind.pw");
  EXPECT_TRUE(settings->starttls);
  EXPECT_EQ(settings->timeout_seconds, 5);
  EXPECT_EQ(settings->upn_attribute, "mail");
  EXPECT_EQ(settings->disabled_filter, "(pwdLockout=TRUE)");
  EXPECT_EQ(settings->ca_file, "");
}

TEST(OnPremisesRequests, ConnectionSettingsRefusals) {
  EXPECT_EQ(refused_field(read_connection_settings_request(body(R"({"url":"ldap://h"})"), 1)),
            "flavor");
  EXPECT_EQ(refused_field(read_connection_settings_request(settings_with(R"(,"starttls":1)"), 1)),
            "starttls");
  EXPECT_EQ(refused_field(
                read_connection_settings_request(settings_with(R"(,"timeout_seconds":"5")"), 1)),
            "timeout_seconds");
}

// tests/fuzz/corpus/request_bodies/timeout_overflow: the timeout used to wrap to an int.
TEST(OnPremisesRequests, TimeoutBeyondAnIntIsRefusedNotWrapped) {
  EXPECT_EQ(refused_field(read_connection_settings_request(
                settings_with(R"(,"timeout_seconds":4294967301)"), 1)),
            "timeout_seconds");
}

// tests/fuzz/corpus/request_bodies/null_optional: null counts as absent, as in every body.
TEST(OnPremisesRequests, NullOptionalFieldsCountAsAbsent) {
  auto settings = read_connection_settings_request(
      settings_with(R"(,"ca_file":null,"starttls":null,"timeout_seconds":null)"), 1);
  ASSERT_TRUE(settings);
  EXPECT_EQ(settings->ca_file, "");
  EXPECT_EQ(settings->timeout_seconds, domain::onprem::kDefaultTimeoutSeconds);
}

TEST(OnPremisesRequests, SyncReadsFull) {
  auto full = read_sync_request(body(R"({"full":true})"));
  ASSERT_TRUE(full);
  EXPECT_TRUE(full->full);
  auto empty = read_sync_request(body("{}"));
  ASSERT_TRUE(empty);
  EXPECT_FALSE(empty->full);
  EXPECT_EQ(refused_field(read_sync_request(body(R"({"full":"yes"})"))), "full");
}

}  // namespace
}  // namespace sspr::http
