#include "domain/onprem/ldap_outcome.h"

#include <gtest/gtest.h>

namespace sspr::domain::onprem {
namespace {

TEST(LdapOutcome, ServiceAccountAccessAndMissingEntriesNeedTheAdministrator) {
  for (int code : {ldap_code::kInvalidCredentials, ldap_code::kInsufficientAccess,
                   ldap_code::kNoSuchObject, ldap_code::kUnwillingToPerform, 1, 2, 34}) {
    const auto error = ldap_failure(LdapStep::kSetPassword, code, "name", "");
    EXPECT_EQ(error.code, "SSPR_0029") << code;
  }
  const auto bind = ldap_failure(LdapStep::kBind, 49, "Invalid credentials", "");
  EXPECT_EQ(bind.technical,
            "SSPR_0029: OnPremisesAdminActionRequired: service account bind failed: Invalid "
            "credentials (49)");
}

TEST(LdapOutcome, UnreachableOrTooSlowIsAConnectivityError) {
  for (int code : {ldap_code::kServerDown, ldap_code::kTimeout, ldap_code::kConnectError,
                   ldap_code::kTimeLimitExceeded, ldap_code::kBusy, ldap_code::kUnavailable}) {
    for (auto step : {LdapStep::kConnect, LdapStep::kBind, LdapStep::kSetPassword}) {
      EXPECT_EQ(ldap_failure(step, code, "name", "Connection refused").code, "SSPR_0030") << code;
    }
  }
}

TEST(LdapOutcome, ARefusedCertificateIsAMisconfigurationNotAnOutage) {
  const auto tls = ldap_failure(LdapStep::kStartTls, ldap_code::kConnectError, "Connect error",
                                "TLS: hostname does not match CN in peer certificate");
  EXPECT_EQ(tls.code, "SSPR_0029");
  EXPECT_NE(tls.technical.find("StartTLS failed"), std::string::npos);
  const auto ldaps =
      ldap_failure(LdapStep::kConnect, ldap_code::kServerDown, "Can't contact LDAP server",
                   "error:0A000086:SSL routines::certificate verify failed");
  EXPECT_EQ(ldaps.code, "SSPR_0029");
  // An ldaps:// port that accepted the connection but not the handshake.
  EXPECT_EQ(ldap_failure(LdapStep::kTlsHandshake, ldap_code::kServerDown, "x", "").code,
            "SSPR_0029");
  // A StartTLS whose connection dropped is an outage.
  EXPECT_EQ(ldap_failure(LdapStep::kStartTls, ldap_code::kServerDown, "x", "").code, "SSPR_0030");
  // A timeout stays a connectivity error whatever the message says.
  EXPECT_EQ(ldap_failure(LdapStep::kStartTls, ldap_code::kTimeout, "Timed out", "TLS").code,
            "SSPR_0030");
}

TEST(LdapOutcome, AConstraintViolationOnThePasswordIsTheDirectorysPolicyWithItsMessage) {
  const auto error = ldap_failure(LdapStep::kSetPassword, ldap_code::kConstraintViolation,
                                  "Constraint violation", "Password fails quality checking policy");
  EXPECT_EQ(error.code, "OnPremisesPolicyViolation");
  EXPECT_EQ(error.kind, ErrorKind::kRejected);
  EXPECT_EQ(error.technical, "OnPremisesPolicyViolation: Password fails quality checking policy");
  // Without a message the result's name is shown.
  EXPECT_NE(ldap_failure(LdapStep::kSetPassword, 19, "Constraint violation", "")
                .technical.find("Constraint violation (19)"),
            std::string::npos);
  // Elsewhere (unlock) it is not about the password.
  EXPECT_EQ(ldap_failure(LdapStep::kUnlock, 19, "Constraint violation", "").code, "SSPR_0029");
}

}  // namespace
}  // namespace sspr::domain::onprem
