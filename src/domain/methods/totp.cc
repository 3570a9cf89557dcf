#include "domain/methods/totp.h"

#include <liboath/oath.h>

#include <cstdlib>
#include <mutex>
#include <stdexcept>

namespace sspr::domain::methods {
namespace {

void ensure_oath_initialised() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (oath_init() != OATH_OK) throw std::runtime_error("liboath initialisation failed");
  });
}

// Equal length and content, examining every byte whatever the mismatch.
bool equal_in_constant_time(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char difference = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    difference |= static_cast<unsigned char>(a[i] ^ b[i]);
  }
  return difference == 0;
}

std::string percent_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0x0f]);
    }
  }
  return out;
}

}  // namespace

std::vector<std::uint8_t> generate_totp_secret(Random& random) {
  std::vector<std::uint8_t> secret(kTotpSecretBytes);
  random.fill(secret);
  return secret;
}

std::int64_t totp_step(std::chrono::system_clock::time_point time) {
  const auto seconds =
      std::chrono::duration_cast<std::chrono::seconds>(time.time_since_epoch()).count();
  return seconds / kTotpPeriodSeconds;
}

std::string totp_code(std::span<const std::uint8_t> secret, std::int64_t step) {
  ensure_oath_initialised();
  char code[kTotpDigits + 1] = {};
  const int rc = oath_totp_generate2(reinterpret_cast<const char*>(secret.data()), secret.size(),
                                     static_cast<time_t>(step * kTotpPeriodSeconds),
                                     kTotpPeriodSeconds, 0, kTotpDigits, 0, code);
  if (rc != OATH_OK) throw std::runtime_error("liboath could not compute a TOTP code");
  return code;
}

std::optional<std::int64_t> verify_totp(std::span<const std::uint8_t> secret, std::string_view code,
                                        std::chrono::system_clock::time_point now,
                                        std::optional<std::int64_t> last_accepted_step) {
  std::string digits;
  for (const char c : code) {
    if (c == ' ') continue;
    if (c < '0' || c > '9') return std::nullopt;
    digits.push_back(c);
  }
  if (digits.size() != static_cast<std::size_t>(kTotpDigits)) return std::nullopt;
  if (secret.empty()) return std::nullopt;
  const std::int64_t current = totp_step(now);
  std::optional<std::int64_t> accepted;
  // Every candidate step is computed and compared, so timing does not reveal which matched.
  for (std::int64_t step = current - kTotpAllowedDriftSteps;
       step <= current + kTotpAllowedDriftSteps; ++step) {
    const bool fresh = !last_accepted_step || step > *last_accepted_step;
    const bool matches = equal_in_constant_time(totp_code(secret, step), digits);
    if (fresh && matches && !accepted) accepted = step;
  }
  return accepted;
}

std::string base32_encode(std::span<const std::uint8_t> bytes) {
  char* out = nullptr;
  std::size_t out_length = 0;
  if (oath_base32_encode(reinterpret_cast<const char*>(bytes.data()), bytes.size(), &out,
                         &out_length) != OATH_OK) {
    throw std::runtime_error("liboath could not base32-encode");
  }
  std::string encoded(out, out_length);
  std::free(out);
  while (!encoded.empty() && encoded.back() == '=') encoded.pop_back();
  return encoded;
}

std::string otpauth_uri(std::string_view issuer, std::string_view account,
                        std::span<const std::uint8_t> secret) {
  const std::string encoded_issuer = percent_encode(issuer);
  return "otpauth://totp/" + encoded_issuer + ":" + percent_encode(account) +
         "?secret=" + base32_encode(secret) + "&issuer=" + encoded_issuer +
         "&algorithm=SHA1&digits=" + std::to_string(kTotpDigits) +
         "&period=" + std::to_string(kTotpPeriodSeconds);
}

}  // namespace sspr::domain::methods
