#include "http/listen_address.h"

#include <charconv>

#include "domain/error.h"

namespace sspr::http {

domain::Result<ListenAddress> parse_listen_address(std::string_view text) {
  const auto bad = [&](const std::string& why) {
    return domain::errors::invalid_input("server.listen", "'" + std::string(text) + "' " + why);
  };
  ListenAddress address;
  std::string_view port_text;
  if (!text.empty() && text.front() == '[') {
    const auto close = text.find(']');
    if (close == std::string_view::npos || close + 1 >= text.size() || text[close + 1] != ':') {
      return bad("is not [IPV6]:PORT");
    }
    address.host = std::string(text.substr(1, close - 1));
    address.ipv6 = true;
    port_text = text.substr(close + 2);
  } else {
    const auto colon = text.rfind(':');
    if (colon == std::string_view::npos) return bad("is not HOST:PORT");
    address.host = std::string(text.substr(0, colon));
    if (address.host.find(':') != std::string::npos) return bad("needs brackets around IPv6");
    port_text = text.substr(colon + 1);
  }
  if (address.host.empty()) return bad("has no host");
  unsigned port = 0;
  const char* end = port_text.data() + port_text.size();
  auto [ptr, ec] = std::from_chars(port_text.data(), end, port);
  if (port_text.empty() || ec != std::errc() || ptr != end || port > 65535) {
    return bad("has no valid port (0-65535)");
  }
  address.port = static_cast<std::uint16_t>(port);
  return address;
}

std::string format_listen_address(const std::string& host, std::uint16_t port) {
  const bool ipv6 = host.find(':') != std::string::npos;
  return (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

}  // namespace sspr::http
