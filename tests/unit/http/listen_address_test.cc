#include "http/listen_address.h"

#include <gtest/gtest.h>

namespace sspr::http {
namespace {

TEST(ListenAddress, ParsesHostAndPort) {
  auto address = parse_listen_address("127.0.0.1:8080");
  ASSERT_TRUE(address.ok());
  EXPECT_EQ(address->host, "127.0.0.1");
  EXPECT_EQ(address->port, 8080);
  EXPECT_FALSE(address->ipv6);
}

TEST(ListenAddress, PortZeroLetsTheSystemChoose) {
  auto address = parse_listen_address("localhost:0");
  ASSERT_TRUE(address.ok());
  EXPECT_EQ(address->host, "localhost");
  EXPECT_EQ(address->port, 0);
}

TEST(ListenAddress, ParsesBracketedIpv6) {
  auto address = parse_listen_address("[::1]:9000");
  ASSERT_TRUE(address.ok());
  EXPECT_EQ(address->host, "::1");
  EXPECT_EQ(address->port, 9000);
  EXPECT_TRUE(address->ipv6);
}

TEST(ListenAddress, RejectsMalformedAddressesNamingTheKey) {
  for (const char* text :
       {"", "8080", "127.0.0.1:", ":8080", "127.0.0.1:65536", "::1:80", "[::1]8080", "host:80x"}) {
    auto address = parse_listen_address(text);
    ASSERT_FALSE(address.ok()) << text;
    EXPECT_EQ(address.error().technical.rfind("server.listen:", 0), 0u) << text;
  }
}

TEST(ListenAddress, FormatsWithBracketsForIpv6) {
  EXPECT_EQ(format_listen_address("127.0.0.1", 8080), "127.0.0.1:8080");
  EXPECT_EQ(format_listen_address("::1", 8080), "[::1]:8080");
}

}  // namespace
}  // namespace sspr::http
