#pragma once
// [server] trusted_proxies: the peers (load balancers, TLS proxies) whose X-Forwarded-For is
// believed. The client address of a request is the socket's peer address, unless that peer is
// trusted: then X-Forwarded-For is read from the right (the address the nearest proxy saw)
// past every trusted proxy, and the first untrusted address is the client. A malformed entry
// ends the walk at the last good address, so a client can never choose its own address by
// sending the header straight to the server or through an untrusted hop.

#include <string>
#include <string_view>
#include <vector>

#include <asio/ip/address.hpp>

#include "domain/result.h"

namespace sspr::http {

class TrustedProxies {
 public:
  TrustedProxies() = default;  // trusts nobody

  // "10.0.0.0/8, 192.168.1.7, fd00::/8": addresses or CIDR blocks, separated by commas or
  // spaces. Errors: invalid_input("server.trusted_proxies", why).
  static domain::Result<TrustedProxies> parse(std::string_view list);

  bool empty() const { return blocks_.empty(); }
  bool trusts(const asio::ip::address& address) const;

  // The client's address for a request from `peer` carrying `forwarded_for` ("" if absent).
  std::string client_address(const asio::ip::address& peer, std::string_view forwarded_for) const;

 private:
  struct Block {
    asio::ip::address network;
    unsigned prefix = 0;
  };
  std::vector<Block> blocks_;
};

}  // namespace sspr::http
