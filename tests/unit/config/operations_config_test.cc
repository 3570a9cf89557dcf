// The operations keys of issue 8: built-in TLS, trusted proxies, the metrics token file.

#include <gtest/gtest.h>

#include "config/config.h"

namespace sspr::config {
namespace {

TEST(OperationsConfig, TlsAndProxiesAndMetricsFromTheEnvironment) {
  auto config = load_config(std::nullopt, {{"SSPR_SERVER_TLS_CERTIFICATE", "/etc/sspr/cert.pem"},
                                           {"SSPR_SERVER_TLS_PRIVATE_KEY", "/etc/sspr/key.pem"},
                                           {"SSPR_SERVER_TRUSTED_PROXIES", "10.0.0.0/8"},
                                           {"SSPR_METRICS_TOKEN_FILE", "/etc/sspr/metrics"}});
  ASSERT_TRUE(config.ok()) << config.error().technical;
  EXPECT_EQ(config->server.tls_certificate, "/etc/sspr/cert.pem");
  EXPECT_EQ(config->server.tls_private_key, "/etc/sspr/key.pem");
  EXPECT_EQ(config->server.trusted_proxies, "10.0.0.0/8");
  EXPECT_EQ(config->metrics.token_file, "/etc/sspr/metrics");
}

TEST(OperationsConfig, DefaultsArePlainHttpTrustingNobody) {
  auto config = load_config(std::nullopt, {});
  ASSERT_TRUE(config.ok());
  EXPECT_TRUE(config->server.tls_certificate.empty());
  EXPECT_TRUE(config->server.trusted_proxies.empty());
  EXPECT_TRUE(config->metrics.token_file.empty());
}

TEST(OperationsConfig, ACertificateWithoutItsKeyIsRefused) {
  auto config = load_config(std::nullopt, {{"SSPR_SERVER_TLS_CERTIFICATE", "/etc/sspr/cert.pem"}});
  ASSERT_FALSE(config.ok());
  EXPECT_NE(config.error().technical.find("tls_private_key"), std::string::npos);
}

}  // namespace
}  // namespace sspr::config
