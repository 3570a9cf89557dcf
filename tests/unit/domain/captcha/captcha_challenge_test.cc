// The rules of the proof-of-work CAPTCHA, with a deterministic stand-in for the cryptography
// (the real SHA-256/HMAC signer is tested in tests/unit/platform).
#include "domain/captcha/captcha_challenge.h"

#include <gtest/gtest.h>

#include <cstdio>

namespace sspr::domain::captcha {
namespace {

using std::chrono::seconds;
using TimePoint = std::chrono::system_clock::time_point;

// FNV-1a based "digests": deterministic, 64 hex digits, different for different inputs.
class FakeSigner final : public CaptchaSigner {
 public:
  explicit FakeSigner(std::string key) : key_(std::move(key)) {}
  std::string sha256_hex(std::string_view text) const override {
    std::string out;
    for (int round = 0; round < 4; ++round) {
      std::uint64_t hash = 1469598103934665603ULL + round;
      for (const char c : text) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
      char part[17];
      std::snprintf(part, sizeof part, "%016llx", static_cast<unsigned long long>(hash));
      out += part;
    }
    return out;
  }
  std::string sign(std::string_view challenge) const override {
    return sha256_hex(key_ + "|" + std::string(challenge));
  }
  bool verify(std::string_view challenge, std::string_view signature) const override {
    return sign(challenge) == signature;
  }

 private:
  std::string key_;
};

constexpr std::uint64_t kMax = 1000;
const TimePoint kNow{seconds(1'795'000'000)};

class CaptchaChallengeTest : public ::testing::Test {
 protected:
  FakeSigner signer_{"server key"};
  CaptchaChallenge issued_ = make_challenge(signer_, "0a1b2c", 417, kMax, kNow);

  CaptchaSolution solution(std::uint64_t number = 417) const {
    return {issued_.algorithm, issued_.challenge, number, issued_.salt, issued_.signature};
  }
  std::string error_name(const CaptchaSolution& s, TimePoint at = kNow) const {
    auto status = check_solution(signer_, s, kMax, at);
    return status ? "" : status.error().name;
  }
};

TEST_F(CaptchaChallengeTest, ChallengeHasTheContractShapeAndExpiresInTenMinutes) {
  EXPECT_EQ(issued_.algorithm, "SHA-256");
  EXPECT_EQ(issued_.maxnumber, kMax);
  EXPECT_EQ(issued_.salt, "0a1b2c?expires=1795000600");
  EXPECT_EQ(issued_.challenge, signer_.sha256_hex(issued_.salt + "417"));
  EXPECT_EQ(issued_.signature, signer_.sign(issued_.challenge));
  EXPECT_EQ(salt_expiry(issued_.salt), kNow + seconds(600));
}

TEST_F(CaptchaChallengeTest, TheSecretNumberSolvesIt) { EXPECT_EQ(error_name(solution()), ""); }

TEST_F(CaptchaChallengeTest, ValidUntilTheLastSecondBeforeExpiry) {
  EXPECT_EQ(error_name(solution(), kNow + seconds(599)), "");
  EXPECT_EQ(error_name(solution(), kNow + seconds(600)), "CaptchaExpired");
  EXPECT_EQ(error_name(solution(), kNow + seconds(3600)), "CaptchaExpired");
}

TEST_F(CaptchaChallengeTest, AnotherNumberIsRefused) {
  EXPECT_EQ(error_name(solution(416)), "CaptchaInvalid");
  EXPECT_EQ(error_name(solution(418)), "CaptchaInvalid");
}

TEST_F(CaptchaChallengeTest, NumberAboveMaxnumberIsRefusedEvenWhenItSolvesTheDigest) {
  const auto big = make_challenge(signer_, "ff", kMax + 1, kMax, kNow);
  CaptchaSolution s{big.algorithm, big.challenge, kMax + 1, big.salt, big.signature};
  EXPECT_EQ(error_name(s), "CaptchaInvalid");
  EXPECT_TRUE(check_solution(signer_, s, kMax + 1, kNow).ok());
}

TEST_F(CaptchaChallengeTest, WrongAlgorithmIsRefused) {
  auto s = solution();
  s.algorithm = "SHA-1";
  EXPECT_EQ(error_name(s), "CaptchaInvalid");
  s.algorithm = "sha-256";
  EXPECT_EQ(error_name(s), "CaptchaInvalid");
}

TEST_F(CaptchaChallengeTest, TamperedSaltIsRefused) {
  auto s = solution();
  // A later expiry changes the digest of salt + number.
  s.salt = "0a1b2c?expires=1895000600";
  EXPECT_EQ(error_name(s), "CaptchaInvalid");
  s.salt = "0a1b2d?expires=1795000600";
  EXPECT_EQ(error_name(s), "CaptchaInvalid");
  // Even when the original has expired: a changed salt is invalid, not expired.
  s.salt = "0a1b2c?expires=1895000600";
  EXPECT_EQ(error_name(s, kNow + seconds(3600)), "CaptchaInvalid");
  s.salt = "0a1b2c?expires=9999999999";
  EXPECT_EQ(error_name(s), "CaptchaInvalid");
}

TEST_F(CaptchaChallengeTest, TamperedChallengeIsRefused) {
  // A challenge the client made up itself, with its own easy salt: not signed.
  auto s = solution(0);
  s.salt = "00?expires=1895000600";
  s.challenge = signer_.sha256_hex(s.salt + "0");
  EXPECT_EQ(error_name(s), "CaptchaInvalid");
  s = solution();
  s.challenge[0] = s.challenge[0] == 'a' ? 'b' : 'a';
  EXPECT_EQ(error_name(s), "CaptchaInvalid");
  s.challenge = "ABC";
  EXPECT_EQ(error_name(s), "CaptchaInvalid");
}

TEST_F(CaptchaChallengeTest, TamperedSignatureOrAnotherKeyIsRefused) {
  auto s = solution();
  s.signature[5] = s.signature[5] == '0' ? '1' : '0';
  EXPECT_EQ(error_name(s), "CaptchaInvalid");
  s.signature = "";
  EXPECT_EQ(error_name(s), "CaptchaInvalid");
  const FakeSigner other("another server");
  EXPECT_FALSE(check_solution(other, solution(), kMax, kNow).ok());
}

TEST_F(CaptchaChallengeTest, SaltWithoutAValidExpiryIsRefused) {
  for (const std::string salt :
       {"0a1b2c", "0a1b2c?expires=", "0a1b2c?expires=12x", "0a1b2c?expires=-5",
        "0a1b2c?expires=99999999999999", "0a1b2c?expires=9999999999"}) {
    EXPECT_EQ(salt_expiry(salt), std::nullopt) << salt;
    auto s = solution();
    s.salt = salt;
    s.challenge = signer_.sha256_hex(salt + "417");
    s.signature = signer_.sign(s.challenge);
    EXPECT_EQ(error_name(s), "CaptchaInvalid") << salt;
  }
}

TEST_F(CaptchaChallengeTest, ErrorsAreBadInputWithLocaleKeys) {
  auto status = check_solution(signer_, solution(1), kMax, kNow);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().kind, ErrorKind::kBadInput);
  EXPECT_EQ(status.error().message_key, "error.CaptchaInvalid");
  EXPECT_EQ(status.error().code, "CaptchaInvalid");
}

}  // namespace
}  // namespace sspr::domain::captcha
