// LdapUserBind without a directory: what it answers before (or instead of) binding. The binds
// themselves are tested against real slapd and Samba AD (tests/integration/
// test_onprem_pass_through.py).
#include "onprem/ldap_user_bind.h"

#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace sspr::onprem {
namespace {

// A loopback port nothing listens on (bound, never listened, so connecting is refused).
class ClosedPort {
 public:
  ClosedPort() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address);
    socklen_t length = sizeof address;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
  }
  ~ClosedPort() { ::close(fd_); }
  int port() const { return port_; }

 private:
  int fd_ = -1;
  int port_ = 0;
};

domain::onprem::ConnectionSettings settings_for(int port) {
  domain::onprem::ConnectionSettings settings;
  settings.url = "ldaps://127.0.0.1:" + std::to_string(port);
  settings.bind_dn = "cn=sspr-service,dc=contoso,dc=example";
  settings.base_dn = "dc=contoso,dc=example";
  settings.timeout_seconds = 2;
  return settings;
}

TEST(LdapUserBindTest, AnEmptyPasswordIsRefusedWithoutAnUnauthenticatedBind) {
  ClosedPort closed;
  LdapUserBind bind;
  // Were a bind attempted, the closed port would make this SSPR_0030, not false.
  auto result = bind.accepts(settings_for(closed.port()), "uid=pat,dc=contoso,dc=example", "");
  ASSERT_TRUE(result.ok());
  EXPECT_FALSE(*result);
  auto no_dn = bind.accepts(settings_for(closed.port()), "", "Some-Password-1");
  ASSERT_TRUE(no_dn.ok());
  EXPECT_FALSE(*no_dn);
}

TEST(LdapUserBindTest, AnUnreachableDirectoryIsAConnectivityErrorNotAWrongPassword) {
  ClosedPort closed;
  LdapUserBind bind;
  auto result =
      bind.accepts(settings_for(closed.port()), "uid=pat,dc=contoso,dc=example", "Secret-Pw-1");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, "SSPR_0030");
  EXPECT_EQ(result.error().technical.find("Secret-Pw-1"), std::string::npos);
}

}  // namespace
}  // namespace sspr::onprem
