#include "http/trusted_proxies.h"

#include <charconv>

#include "domain/error.h"

namespace sspr::http {
namespace {

constexpr const char* kKey = "server.trusted_proxies";

// IPv4-mapped IPv6 peers (a dual-stack listener) compare as the IPv4 address they carry.
asio::ip::address plain(const asio::ip::address& address) {
  if (address.is_v6() && address.to_v6().is_v4_mapped()) {
    return asio::ip::make_address_v4(asio::ip::v4_mapped, address.to_v6());
  }
  return address;
}

template <typename Bytes>
bool same_prefix(const Bytes& a, const Bytes& b, unsigned prefix) {
  for (std::size_t i = 0; i < a.size() && prefix > 0; ++i) {
    const unsigned bits = prefix >= 8 ? 8 : prefix;
    const auto mask = static_cast<unsigned char>(0xFF << (8 - bits));
    if ((a[i] & mask) != (b[i] & mask)) return false;
    prefix -= bits;
  }
  return true;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

domain::Result<TrustedProxies> TrustedProxies::parse(std::string_view list) {
  TrustedProxies proxies;
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t end = list.find_first_of(", ", start);
    if (end == std::string_view::npos) end = list.size();
    const std::string_view entry = list.substr(start, end - start);
    start = end + 1;
    if (entry.empty()) continue;
    const auto slash = entry.find('/');
    asio::error_code error;
    const auto address = asio::ip::make_address(std::string(entry.substr(0, slash)), error);
    if (error) {
      return domain::errors::invalid_input(
          kKey, "'" + std::string(entry) + "' is not an IP address or CIDR block");
    }
    const unsigned bits = address.is_v4() ? 32 : 128;
    unsigned prefix = bits;
    if (slash != std::string_view::npos) {
      const auto digits = entry.substr(slash + 1);
      auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), prefix);
      if (digits.empty() || ec != std::errc() || ptr != digits.data() + digits.size() ||
          prefix > bits) {
        return domain::errors::invalid_input(kKey, "'" + std::string(entry) +
                                                       "' has no valid prefix length (0-" +
                                                       std::to_string(bits) + ")");
      }
    }
    proxies.blocks_.push_back({plain(address), prefix});
  }
  return proxies;
}

bool TrustedProxies::trusts(const asio::ip::address& candidate) const {
  const auto address = plain(candidate);
  for (const auto& block : blocks_) {
    if (block.network.is_v4() && address.is_v4()) {
      if (same_prefix(block.network.to_v4().to_bytes(), address.to_v4().to_bytes(), block.prefix)) {
        return true;
      }
    } else if (block.network.is_v6() && address.is_v6()) {
      if (same_prefix(block.network.to_v6().to_bytes(), address.to_v6().to_bytes(), block.prefix)) {
        return true;
      }
    }
  }
  return false;
}

std::string TrustedProxies::client_address(const asio::ip::address& peer,
                                           std::string_view forwarded_for) const {
  auto client = plain(peer);
  if (!trusts(client)) return client.to_string();
  // Right to left: each hop appended the address it received the request from.
  while (!forwarded_for.empty()) {
    const auto comma = forwarded_for.rfind(',');
    const auto entry =
        trim(comma == std::string_view::npos ? forwarded_for : forwarded_for.substr(comma + 1));
    forwarded_for =
        comma == std::string_view::npos ? std::string_view() : forwarded_for.substr(0, comma);
    asio::error_code error;
    const auto hop = asio::ip::make_address(std::string(entry), error);
    if (error) break;
    client = plain(hop);
    if (!trusts(client)) break;
  }
  return client.to_string();
}

}  // namespace sspr::http
