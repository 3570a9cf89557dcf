#include "http/trusted_proxies.h"

#include <gtest/gtest.h>

namespace sspr::http {
namespace {

asio::ip::address ip(const char* text) { return asio::ip::make_address(text); }

TrustedProxies parsed(const char* list) {
  auto proxies = TrustedProxies::parse(list);
  EXPECT_TRUE(proxies.ok()) << list;
  return proxies.ok() ? *proxies : TrustedProxies{};
}

TEST(TrustedProxies, MatchesAddressesAndCidrBlocksOfBothFamilies) {
  const auto proxies = parsed("10.0.0.0/8, 192.168.1.7 fd00::/8");
  EXPECT_TRUE(proxies.trusts(ip("10.200.3.4")));
  EXPECT_FALSE(proxies.trusts(ip("11.0.0.1")));
  EXPECT_TRUE(proxies.trusts(ip("192.168.1.7")));
  EXPECT_FALSE(proxies.trusts(ip("192.168.1.8")));
  EXPECT_TRUE(proxies.trusts(ip("fd12::1")));
  EXPECT_FALSE(proxies.trusts(ip("fe80::1")));
  EXPECT_TRUE(proxies.trusts(ip("::ffff:10.1.2.3")));  // IPv4-mapped peer
}

TEST(TrustedProxies, OddPrefixLengths) {
  const auto proxies = parsed("172.16.0.0/12");
  EXPECT_TRUE(proxies.trusts(ip("172.31.255.255")));
  EXPECT_FALSE(proxies.trusts(ip("172.32.0.0")));
}

TEST(TrustedProxies, RefusesBadEntries) {
  EXPECT_FALSE(TrustedProxies::parse("10.0.0.0/33").ok());
  EXPECT_FALSE(TrustedProxies::parse("10.0.0.0/").ok());
  EXPECT_FALSE(TrustedProxies::parse("proxy.example").ok());
  EXPECT_TRUE(TrustedProxies::parse("").ok());
}

TEST(TrustedProxies, ForwardedForIsIgnoredFromAnUntrustedPeer) {
  const auto proxies = parsed("10.0.0.1");
  EXPECT_EQ(proxies.client_address(ip("203.0.113.9"), "198.51.100.1"), "203.0.113.9");
  EXPECT_EQ(TrustedProxies{}.client_address(ip("127.0.0.1"), "198.51.100.1"), "127.0.0.1");
}

TEST(TrustedProxies, TheFirstUntrustedHopFromTheRightIsTheClient) {
  const auto proxies = parsed("10.0.0.0/8");
  EXPECT_EQ(proxies.client_address(ip("10.0.0.1"), "198.51.100.1"), "198.51.100.1");
  // A client-supplied first entry is not believed past an untrusted hop.
  EXPECT_EQ(proxies.client_address(ip("10.0.0.1"), "1.2.3.4, 198.51.100.1, 10.0.0.2"),
            "198.51.100.1");
  // Only trusted hops: the leftmost is the best knowledge.
  EXPECT_EQ(proxies.client_address(ip("10.0.0.1"), "10.9.9.9, 10.0.0.2"), "10.9.9.9");
  // Garbage ends the walk at the last good address.
  EXPECT_EQ(proxies.client_address(ip("10.0.0.1"), "198.51.100.1, nonsense"), "10.0.0.1");
  EXPECT_EQ(proxies.client_address(ip("10.0.0.1"), ""), "10.0.0.1");
}

}  // namespace
}  // namespace sspr::http
