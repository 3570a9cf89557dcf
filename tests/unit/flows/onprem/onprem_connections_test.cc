// OnPremisesConnections and TenantOnPremisesDirectory against the real store (temporary
// SQLite), with a connector that records its calls and answers what the test says.
#include "flows/onprem/onprem_connections.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "domain/onprem/writeback_errors.h"
#include "flows/directory_test.h"
#include "flows/onprem/tenant_onprem_directory.h"

namespace sspr::flows::onprem {
namespace {

using domain::onprem::ConnectionSettings;

class RecordingConnector final : public OnPremisesConnector {
 public:
  domain::Status test(const ConnectionSettings& settings) override {
    calls.push_back("test " + settings.url);
    return answer;
  }
  domain::Status set_password(const ConnectionSettings& settings, const std::string& dn,
                              const std::string&) override {
    calls.push_back("set " + settings.url + " " + dn);
    return answer;
  }
  domain::Status unlock(const ConnectionSettings& settings, const std::string& dn) override {
    calls.push_back("unlock " + settings.url + " " + dn);
    return answer;
  }
  std::vector<std::string> calls;
  domain::Status answer = domain::ok_status();
};

class OnPremisesConnectionsTest : public DirectoryTest {
 protected:
  void SetUp() override {
    DirectoryTest::SetUp();
    if (HasFatalFailure()) return;
    connections_ = std::make_unique<OnPremisesConnections>(*store_, clock_, random_, connector_);
  }
  void TearDown() override {
    connections_.reset();
    DirectoryTest::TearDown();
  }
  ConnectionSettings settings() const {
    return ConnectionSettings{.tenant = tenant_,
                              .url = "ldap://127.0.0.1:3890",
                              .bind_dn = "cn=sspr-service,dc=contoso,dc=example",
                              .bind_password_file = "/run/sspr/ldap-password",
                              .base_dn = "dc=contoso,dc=example",
                              .starttls = true,
                              .ca_file = "",
                              .timeout_seconds = 10,
                              .updated_at = "",
                              .upn_attribute = "",
                              .disabled_filter = "",
                              .managed_by_config = false};
  }
  domain::User synced_user(const std::string& dn) {
    domain::User user;
    user.tenant_id = tenant_;
    user.upn = "alice@contoso.example";
    user.source = domain::UserSource::kSynced;
    user.onprem_id = dn;
    return user;
  }
  RecordingConnector connector_;
  std::unique_ptr<OnPremisesConnections> connections_;
};

TEST_F(OnPremisesConnectionsTest, SetStoresTheSettingsAndAuditsThemWithoutAnySecret) {
  auto none = connections_->show(op_, tenant_);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());

  auto saved = connections_->set(op_, ctx_, settings());
  ASSERT_TRUE(saved.ok()) << saved.error().technical;
  EXPECT_EQ(saved->updated_at, domain::to_iso8601(clock_.now()));
  auto shown = connections_->show(op_, tenant_);
  ASSERT_TRUE(shown.ok() && shown->has_value());
  EXPECT_EQ((*shown)->url, "ldap://127.0.0.1:3890");
  EXPECT_TRUE((*shown)->starttls);
  EXPECT_EQ((*shown)->timeout_seconds, 10);

  auto changed = settings();
  changed.url = "ldaps://127.0.0.1:6360";
  changed.starttls = false;
  changed.timeout_seconds = 3;
  ASSERT_TRUE(connections_->set(op_, ctx_, changed).ok());
  EXPECT_EQ((*connections_->show(op_, tenant_))->timeout_seconds, 3);

  auto audit = audit_of(domain::audit_activity::kSetOnPremisesConnection);
  std::reverse(audit.begin(), audit.end());  // oldest first
  ASSERT_EQ(audit.size(), 2u);
  EXPECT_EQ(audit[0].category, "Directory management");
  EXPECT_EQ(audit[0].target, "Contoso");
  EXPECT_TRUE(audit[0].details["before"].is_null());
  EXPECT_EQ(audit[1].details["before"]["url"], "ldap://127.0.0.1:3890");
  EXPECT_EQ(audit[1].details["after"]["url"], "ldaps://127.0.0.1:6360");
  EXPECT_EQ(audit[1].details["after"]["bind_password_file"], "/run/sspr/ldap-password");
  EXPECT_TRUE(connector_.calls.empty());  // setting does not connect
}

TEST_F(OnPremisesConnectionsTest, InvalidSettingsAndMissingPermissionWriteNothing) {
  auto plain = settings();
  plain.starttls = false;
  auto refused = connections_->set(op_, ctx_, plain);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, domain::ErrorKind::kBadInput);
  const domain::Actor reader{"token:reader", tenant_,
                             static_cast<unsigned>(domain::Permission::kReadDirectory)};
  auto forbidden = connections_->set(reader, ctx_, settings());
  ASSERT_FALSE(forbidden.ok());
  EXPECT_EQ(forbidden.error().kind, domain::ErrorKind::kForbidden);
  EXPECT_FALSE(connections_->show(op_, tenant_)->has_value());
  EXPECT_TRUE(audit_of(domain::audit_activity::kSetOnPremisesConnection).empty());
}

TEST_F(OnPremisesConnectionsTest, TheConfigurationFilesConnectionsAreAppliedOnceAndReleased) {
  // An administrator's connection is taken over by the file.
  ASSERT_TRUE(connections_->set(op_, ctx_, settings()).ok());
  auto configured = settings();
  configured.tenant = 0;  // the file names the tenant by domain
  configured.url = "ldaps://dc1.contoso.example";
  configured.starttls = false;
  configured.disabled_filter = "(employeeStatus=left)";
  const std::vector<domain::onprem::ConfiguredConnection> file{{"contoso.example", configured},
                                                               {"unknown.example", configured}};
  auto applied = connections_->apply_configured(ctx_, file);
  ASSERT_TRUE(applied.ok()) << applied.error().technical;
  EXPECT_EQ(applied->saved, std::vector<std::string>{"contoso.example"});
  EXPECT_EQ(applied->unknown, std::vector<std::string>{"unknown.example"});
  auto shown = connections_->show(op_, tenant_);
  ASSERT_TRUE(shown.ok() && shown->has_value());
  EXPECT_TRUE((*shown)->managed_by_config);
  EXPECT_EQ((*shown)->url, "ldaps://dc1.contoso.example");
  EXPECT_EQ((*shown)->disabled_filter, "(employeeStatus=left)");
  auto audit = audit_of(domain::audit_activity::kSetOnPremisesConnection);
  ASSERT_EQ(audit.size(), 2u);
  EXPECT_EQ(audit[0].actor, "configuration file");  // newest first
  EXPECT_EQ(audit[0].details["after"]["managed_by_config"], true);

  // Administrators can neither change nor remove it.
  auto refused = connections_->set(op_, ctx_, settings());
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().name, "ManagedByConfiguration");
  EXPECT_EQ(refused.error().kind, domain::ErrorKind::kConflict);
  auto not_removed = connections_->remove(op_, ctx_, tenant_);
  ASSERT_FALSE(not_removed.ok());
  EXPECT_EQ(not_removed.error().name, "ManagedByConfiguration");
  EXPECT_EQ((*connections_->show(op_, tenant_))->url, "ldaps://dc1.contoso.example");

  // The same file again writes nothing.
  applied = connections_->apply_configured(ctx_, file);
  ASSERT_TRUE(applied.ok());
  EXPECT_TRUE(applied->saved.empty());
  EXPECT_EQ(applied->unchanged, std::vector<std::string>{"contoso.example"});
  EXPECT_EQ(audit_of(domain::audit_activity::kSetOnPremisesConnection).size(), 2u);

  // Gone from the file: kept, released to the administrators.
  applied = connections_->apply_configured(ctx_, {});
  ASSERT_TRUE(applied.ok());
  EXPECT_EQ(applied->released, std::vector<std::string>{"Contoso"});
  shown = connections_->show(op_, tenant_);
  ASSERT_TRUE(shown.ok() && shown->has_value());
  EXPECT_FALSE((*shown)->managed_by_config);
  EXPECT_EQ((*shown)->url, "ldaps://dc1.contoso.example");
  EXPECT_TRUE(connections_->set(op_, ctx_, settings()).ok());
  EXPECT_FALSE((*connections_->show(op_, tenant_))->managed_by_config);
}

TEST_F(OnPremisesConnectionsTest, TestSaysUpMisconfiguredOrUnreachableAndIsAudited) {
  auto without = connections_->test(op_, ctx_, tenant_);
  ASSERT_TRUE(without.ok());
  EXPECT_EQ(without->state, ConnectionTestResult::State::kMisconfigured);
  EXPECT_TRUE(connector_.calls.empty());

  ASSERT_TRUE(connections_->set(op_, ctx_, settings()).ok());
  EXPECT_EQ(connections_->test(op_, ctx_, tenant_)->state, ConnectionTestResult::State::kUp);
  connector_.answer = domain::onprem::admin_action_required("service account bind failed");
  auto bad = connections_->test(op_, ctx_, tenant_);
  EXPECT_EQ(bad->state, ConnectionTestResult::State::kMisconfigured);
  EXPECT_NE(bad->reason.find("service account bind failed"), std::string::npos);
  connector_.answer = domain::onprem::connectivity_error("connect failed");
  EXPECT_EQ(connections_->test(op_, ctx_, tenant_)->state,
            ConnectionTestResult::State::kUnreachable);

  auto audit = audit_of(domain::audit_activity::kTestOnPremisesConnection);
  std::reverse(audit.begin(), audit.end());  // oldest first
  ASSERT_EQ(audit.size(), 4u);
  EXPECT_EQ(audit[0].details["status"], "misconfigured");
  EXPECT_EQ(audit[1].details["status"], "up");
  EXPECT_EQ(audit[3].details["status"], "unreachable");
  EXPECT_EQ(state_name(ConnectionTestResult::State::kUnreachable), "unreachable");
}

TEST_F(OnPremisesConnectionsTest, ATenantsConnectionMakesWritebackPossibleInItsPolicy) {
  SsprPolicyUpdate update;
  update.change.writeback = true;
  EXPECT_FALSE(admin_->set_sspr_policy(op_, ctx_, tenant_, update).ok());
  ASSERT_TRUE(connections_->set(op_, ctx_, settings()).ok());
  auto accepted = admin_->set_sspr_policy(op_, ctx_, tenant_, update);
  ASSERT_TRUE(accepted.ok()) << accepted.error().technical;
  EXPECT_TRUE(accepted->policy->writeback);
}

TEST_F(OnPremisesConnectionsTest, TheTenantDirectoryUsesTheTenantsConnectionAndTheUsersDn) {
  TenantOnPremisesDirectory directory(*store_, connector_, clock_);
  const auto user = synced_user("uid=alice,ou=people,dc=contoso,dc=example");
  auto unconfigured = directory.set_password(tenant_, user, "N3w-password!");
  ASSERT_FALSE(unconfigured.ok());
  EXPECT_EQ(unconfigured.error().code, "SSPR_0029");
  EXPECT_TRUE(connector_.calls.empty());

  ASSERT_TRUE(connections_->set(op_, ctx_, settings()).ok());
  EXPECT_TRUE(directory.set_password(tenant_, user, "N3w-password!").ok());
  EXPECT_TRUE(directory.unlock(tenant_, user).ok());
  EXPECT_EQ(connector_.calls,
            (std::vector<std::string>{
                "set ldap://127.0.0.1:3890 uid=alice,ou=people,dc=contoso,dc=example",
                "unlock ldap://127.0.0.1:3890 uid=alice,ou=people,dc=contoso,dc=example"}));

  connector_.answer = domain::onprem::policy_violation("Password is in history of old passwords");
  EXPECT_EQ(directory.set_password(tenant_, user, "N3w-password!").error().code,
            "OnPremisesPolicyViolation");
  // A writeback records the connection's status; a policy refusal says nothing about it.
  auto status = connections_->status(op_, tenant_);
  ASSERT_TRUE(status.ok() && status->has_value());
  EXPECT_EQ((*status)->state, domain::onprem::ConnectionState::kUp);
  connector_.answer = domain::onprem::connectivity_error("connect failed");
  EXPECT_FALSE(directory.unlock(tenant_, user).ok());
  status = connections_->status(op_, tenant_);
  ASSERT_TRUE(status.ok() && status->has_value());
  EXPECT_EQ((*status)->state, domain::onprem::ConnectionState::kUnreachable);
  EXPECT_EQ((*status)->since, domain::to_iso8601(clock_.now()));
  connector_.answer = domain::ok_status();
  auto no_dn = directory.unlock(tenant_, synced_user(""));
  ASSERT_FALSE(no_dn.ok());
  EXPECT_NE(no_dn.error().technical.find("no on-premises DN"), std::string::npos);
}

}  // namespace
}  // namespace sspr::flows::onprem
