#include "captcha_solver.h"

#include <openssl/sha.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <string>

namespace sspr::bench {
namespace {

std::optional<std::array<unsigned char, SHA256_DIGEST_LENGTH>> from_hex(const std::string& hex) {
  std::array<unsigned char, SHA256_DIGEST_LENGTH> out{};
  if (hex.size() != out.size() * 2) return std::nullopt;
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (std::size_t i = 0; i < out.size(); ++i) {
    const int high = nibble(hex[2 * i]);
    const int low = nibble(hex[2 * i + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    out[i] = static_cast<unsigned char>(high * 16 + low);
  }
  return out;
}

}  // namespace

std::optional<nlohmann::json> solve_captcha(const nlohmann::json& challenge) {
  if (!challenge.is_object()) return std::nullopt;
  for (const char* field : {"algorithm", "challenge", "salt", "signature"}) {
    if (!challenge.contains(field) || !challenge[field].is_string()) return std::nullopt;
  }
  if (!challenge.contains("maxnumber") || !challenge["maxnumber"].is_number_unsigned()) {
    return std::nullopt;
  }
  const auto target = from_hex(challenge["challenge"].get<std::string>());
  if (!target) return std::nullopt;
  const auto maxnumber = challenge["maxnumber"].get<std::uint64_t>();
  std::string text = challenge["salt"].get<std::string>();
  const std::size_t salt_size = text.size();
  unsigned char digest[SHA256_DIGEST_LENGTH];
  for (std::uint64_t n = 0; n <= maxnumber; ++n) {
    text.resize(salt_size);
    text += std::to_string(n);
    SHA256(reinterpret_cast<const unsigned char*>(text.data()), text.size(), digest);
    if (std::memcmp(digest, target->data(), sizeof digest) == 0) {
      return nlohmann::json{{"algorithm", challenge["algorithm"]},
                            {"challenge", challenge["challenge"]},
                            {"number", n},
                            {"salt", challenge["salt"]},
                            {"signature", challenge["signature"]}};
    }
  }
  return std::nullopt;
}

}  // namespace sspr::bench
