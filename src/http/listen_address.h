#pragma once
// The HOST:PORT the server listens on: "127.0.0.1:8080", "[::1]:8080", "localhost:0".
// Port 0 lets the operating system choose.

#include <cstdint>
#include <string>
#include <string_view>

#include "domain/result.h"

namespace sspr::http {

struct ListenAddress {
  std::string host;  // without brackets; "localhost" stays as written
  std::uint16_t port = 0;
  bool ipv6 = false;
};

// Errors: InvalidInput naming server.listen.
domain::Result<ListenAddress> parse_listen_address(std::string_view text);

// "127.0.0.1:8080" or "[::1]:8080".
std::string format_listen_address(const std::string& host, std::uint16_t port);

}  // namespace sspr::http
