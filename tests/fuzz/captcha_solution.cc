// Fuzzes the CAPTCHA verifier (domain/captcha/captcha_challenge.h with the real HMAC signer of
// platform/hmac_captcha_signer.h, and flows::parse_captcha_solution for the client's JSON).
//
// Each input issues a genuine challenge (salt, answer and difficulty from the input), solves it,
// then tampers with one field of the solution, and also reads the rest of the input as a
// client's `captcha` object.
//
// Properties checked on every input:
// - the genuine solution is accepted until it expires, refused as expired after, and refused by
//   a server holding another key;
// - a solution with any field changed (algorithm, challenge, number, salt, signature) is
//   refused, and never with an error other than CaptchaInvalid or CaptchaExpired;
// - whatever JSON a client sends is accepted only when it really solves a challenge this key
//   signed (signature, digest, difficulty and expiry all hold), and reading it is stable.

#include <fuzzer/FuzzedDataProvider.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "domain/captcha/captcha_challenge.h"
#include "flows/captcha.h"
#include "platform/hmac_captcha_signer.h"
#include "platform/secret_key.h"

namespace {

namespace captcha = sspr::domain::captcha;
using nlohmann::json;

// Keys for this target only (public test values, never a server's).
constexpr const char* kKey = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
constexpr const char* kOtherKey =
    "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff000102030405060708090a0b0c0d0e0f";
// 2026-11-24T00:00:00Z: the seed corpus's solutions were issued at this instant.
const std::chrono::system_clock::time_point kNow{std::chrono::seconds(1795478400)};

[[noreturn]] void fail(const std::string& what) {
  std::cerr << "captcha_solution: " << what << "\n";
  std::abort();
}

const sspr::platform::HmacCaptchaSigner& signer_for(const char* hex) {
  auto key = sspr::platform::SecretKey::from_text(hex);
  if (!key) fail("test key refused");
  return *new sspr::platform::HmacCaptchaSigner(*key);
}

bool same(const captcha::CaptchaSolution& a, const captcha::CaptchaSolution& b) {
  return a.algorithm == b.algorithm && a.challenge == b.challenge && a.number == b.number &&
         a.salt == b.salt && a.signature == b.signature;
}

json solution_json(const captcha::CaptchaSolution& s) {
  return {{"algorithm", s.algorithm},
          {"challenge", s.challenge},
          {"number", s.number},
          {"salt", s.salt},
          {"signature", s.signature}};
}

void expect_captcha_error(const sspr::domain::Status& status, const std::string& what) {
  const auto& name = status.error().name;
  if (name != "CaptchaInvalid" && name != "CaptchaExpired") fail(what + " refused as " + name);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto& signer = signer_for(kKey);
  static const auto& other_signer = signer_for(kOtherKey);
  FuzzedDataProvider input(data, size);

  const auto maxnumber = input.ConsumeIntegralInRange<std::uint64_t>(0, 10'000'000);
  const auto secret = input.ConsumeIntegralInRange<std::uint64_t>(0, maxnumber);
  const std::string random_hex = input.ConsumeRandomLengthString(48);
  const auto genuine_challenge =
      captcha::make_challenge(signer, random_hex, secret, maxnumber, kNow);
  const captcha::CaptchaSolution genuine{genuine_challenge.algorithm, genuine_challenge.challenge,
                                         secret, genuine_challenge.salt,
                                         genuine_challenge.signature};

  const auto elapsed = std::chrono::seconds(input.ConsumeIntegralInRange<std::int64_t>(
      0,
      std::chrono::duration_cast<std::chrono::seconds>(captcha::kChallengeLifetime).count() - 1));
  if (!captcha::check_solution(signer, genuine, maxnumber, kNow + elapsed)) {
    fail("the genuine solution was refused");
  }
  auto expired =
      captcha::check_solution(signer, genuine, maxnumber, kNow + captcha::kChallengeLifetime);
  if (expired || expired.error().name != "CaptchaExpired")
    fail("an expired solution was not refused as expired");
  if (captcha::check_solution(other_signer, genuine, maxnumber, kNow)) {
    fail("another server's key accepted the solution");
  }

  // One field tampered with.
  captcha::CaptchaSolution tampered = genuine;
  switch (input.ConsumeIntegralInRange<int>(0, 4)) {
    case 0:
      tampered.algorithm = input.ConsumeRandomLengthString(16);
      break;
    case 1:
      tampered.challenge = input.ConsumeRandomLengthString(80);
      break;
    case 2:
      tampered.number = input.ConsumeIntegral<std::uint64_t>();
      break;
    case 3:
      tampered.salt = input.ConsumeRandomLengthString(80);
      break;
    default:
      tampered.signature = input.ConsumeRandomLengthString(80);
      break;
  }
  if (!same(tampered, genuine)) {
    auto checked = captcha::check_solution(signer, tampered, maxnumber, kNow);
    if (checked) fail("a tampered solution was accepted");
    expect_captcha_error(checked, "a tampered solution");
  }

  // The rest of the input as the client's `captcha` object.
  const json sent = json::parse(input.ConsumeRemainingBytesAsString(), nullptr, false);
  auto parsed = sspr::flows::parse_captcha_solution(sent);
  if (!parsed) {
    if (parsed.error().name != "CaptchaInvalid")
      fail("unreadable captcha refused as " + parsed.error().name);
    return 0;
  }
  auto again = sspr::flows::parse_captcha_solution(solution_json(*parsed));
  if (!again || !same(*again, *parsed)) fail("reading a captcha object is not stable");
  const auto& s = *parsed;
  const auto checked = captcha::check_solution(signer, s, maxnumber, kNow);
  if (!checked) {
    expect_captcha_error(checked, "a client's solution");
    return 0;
  }
  const auto expiry = captcha::salt_expiry(s.salt);
  if (s.algorithm != captcha::kAlgorithm || s.signature != signer.sign(s.challenge) ||
      signer.sha256_hex(s.salt + std::to_string(s.number)) != s.challenge || s.number > maxnumber ||
      !expiry || *expiry <= kNow) {
    fail("a solution that does not solve a signed, unexpired challenge was accepted");
  }
  return 0;
}
