#include "domain/captcha/captcha_challenge.h"

#include <charconv>

#include "domain/captcha/captcha_errors.h"

namespace sspr::domain::captcha {
namespace {

constexpr std::string_view kExpiresMarker = "?expires=";

std::int64_t unix_seconds(std::chrono::system_clock::time_point time) {
  return std::chrono::duration_cast<std::chrono::seconds>(time.time_since_epoch()).count();
}

bool is_lower_hex(std::string_view text) {
  for (const char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

std::string make_salt(std::string_view random_hex,
                      std::chrono::system_clock::time_point expires_at) {
  return std::string(random_hex) + std::string(kExpiresMarker) +
         std::to_string(unix_seconds(expires_at));
}

std::optional<std::chrono::system_clock::time_point> salt_expiry(std::string_view salt) {
  const auto marker = salt.rfind(kExpiresMarker);
  if (marker == std::string_view::npos) return std::nullopt;
  const std::string_view digits = salt.substr(marker + kExpiresMarker.size());
  if (digits.empty() || digits.size() > 12) return std::nullopt;
  std::int64_t seconds = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), seconds);
  // Beyond 2100 is no expiry of ours, and far beyond would overflow a time_point.
  constexpr std::int64_t kLatest = 4'102'444'800;
  if (ec != std::errc() || end != digits.data() + digits.size() || seconds < 0 ||
      seconds > kLatest) {
    return std::nullopt;
  }
  return std::chrono::system_clock::time_point(std::chrono::seconds(seconds));
}

CaptchaChallenge make_challenge(const CaptchaSigner& signer, std::string_view random_hex,
                                std::uint64_t secret_number, std::uint64_t maxnumber,
                                std::chrono::system_clock::time_point now) {
  CaptchaChallenge out;
  out.algorithm = std::string(kAlgorithm);
  out.salt = make_salt(random_hex, now + kChallengeLifetime);
  out.challenge = signer.sha256_hex(out.salt + std::to_string(secret_number));
  out.maxnumber = maxnumber;
  out.signature = signer.sign(out.challenge);
  return out;
}

Status check_solution(const CaptchaSigner& signer, const CaptchaSolution& solution,
                      std::uint64_t maxnumber, std::chrono::system_clock::time_point now) {
  if (solution.algorithm != kAlgorithm) {
    return errors::captcha_invalid("algorithm must be \"SHA-256\"");
  }
  if (solution.challenge.size() != 64 || !is_lower_hex(solution.challenge)) {
    return errors::captcha_invalid("challenge is not a SHA-256 digest in lower-case hex");
  }
  if (!signer.verify(solution.challenge, solution.signature)) {
    return errors::captcha_invalid("signature does not match (not issued by this service)");
  }
  if (solution.number > maxnumber) {
    return errors::captcha_invalid("number exceeds maxnumber " + std::to_string(maxnumber));
  }
  // The digest binds the salt (and so its expiry) to the signed challenge: checked before the
  // expiry is believed.
  const std::string digest = signer.sha256_hex(solution.salt + std::to_string(solution.number));
  if (digest != solution.challenge) {
    return errors::captcha_invalid("number does not solve the challenge (or the salt changed)");
  }
  const auto expiry = salt_expiry(solution.salt);
  if (!expiry) return errors::captcha_invalid("salt carries no expiry");
  if (now >= *expiry) {
    return errors::captcha_expired("the challenge expired at unix time " +
                                   std::to_string(unix_seconds(*expiry)));
  }
  return ok_status();
}

}  // namespace sspr::domain::captcha
