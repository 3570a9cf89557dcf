#include "domain/random.h"

#include <algorithm>
#include <array>
#include <vector>

namespace sspr::domain {
namespace {

constexpr char kHexDigits[] = "0123456789abcdef";

// The text form of 16 bytes, with the version and variant (RFC 9562) set.
std::string uuid_text(std::array<std::uint8_t, 16> b, std::uint8_t version) {
  b[6] = static_cast<std::uint8_t>((b[6] & 0x0f) | (version << 4));
  b[8] = static_cast<std::uint8_t>((b[8] & 0x3f) | 0x80);
  std::string out;
  out.reserve(36);
  for (std::size_t i = 0; i < b.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    out.push_back(kHexDigits[b[i] >> 4]);
    out.push_back(kHexDigits[b[i] & 0x0f]);
  }
  return out;
}

}  // namespace

std::string Random::uuid() {
  std::array<std::uint8_t, 16> b{};
  fill(b);
  return uuid_text(b, 4);
}

std::string Random::time_ordered_uuid(std::chrono::system_clock::time_point at) {
  std::array<std::uint8_t, 16> b{};
  fill(b);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(at.time_since_epoch());
  const auto unix_ms = static_cast<std::uint64_t>(std::max<std::int64_t>(0, ms.count()));
  for (int i = 0; i < 6; ++i) b[i] = static_cast<std::uint8_t>(unix_ms >> (8 * (5 - i)));
  return uuid_text(b, 7);
}

std::string Random::hex(std::size_t bytes) {
  std::vector<std::uint8_t> b(bytes);
  fill(b);
  std::string out;
  out.reserve(bytes * 2);
  for (auto v : b) {
    out.push_back(kHexDigits[v >> 4]);
    out.push_back(kHexDigits[v & 0x0f]);
  }
  return out;
}

std::uint32_t Random::uniform(std::uint32_t bound) {
  // Rejection sampling: draw until the value falls below the largest multiple of bound.
  const std::uint32_t limit = UINT32_MAX - (UINT32_MAX % bound);
  for (;;) {
    std::array<std::uint8_t, 4> b{};
    fill(b);
    const std::uint32_t v = (std::uint32_t{b[0]} << 24) | (std::uint32_t{b[1]} << 16) |
                            (std::uint32_t{b[2]} << 8) | std::uint32_t{b[3]};
    if (v < limit) return v % bound;
  }
}

}  // namespace sspr::domain
