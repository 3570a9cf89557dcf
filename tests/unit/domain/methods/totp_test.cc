#include "domain/methods/totp.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

namespace sspr::domain::methods {
namespace {

using Clock = std::chrono::system_clock;

// RFC 6238 appendix B, SHA-1 rows: the shared secret is the ASCII "12345678901234567890".
const std::string kRfcSecretText = "12345678901234567890";
std::span<const std::uint8_t> rfc_secret() {
  return {reinterpret_cast<const std::uint8_t*>(kRfcSecretText.data()), kRfcSecretText.size()};
}

struct Vector {
  long long unix_time;
  long long eight_digit_code;
};
constexpr Vector kRfcVectors[] = {{59, 94287082},         {1111111109, 7081804},
                                  {1111111111, 14050471}, {1234567890, 89005924},
                                  {2000000000, 69279037}, {20000000000, 65353130}};

// HOTP truncation keeps the low decimal digits, so the 6-digit code of each row is the
// 8-digit code modulo 10^6, zero-padded.
std::string six_digits_of(long long eight_digit_code) {
  char text[8];
  std::snprintf(text, sizeof text, "%06lld", eight_digit_code % 1000000);
  return text;
}

Clock::time_point at(long long unix_time) {
  return Clock::time_point{std::chrono::seconds(unix_time)};
}

TEST(Totp, MatchesRfc6238Sha1Vectors) {
  for (const auto& v : kRfcVectors) {
    // Step computed here (T / 30): 20000000000 s does not fit a nanosecond time_point.
    EXPECT_EQ(totp_code(rfc_secret(), v.unix_time / 30), six_digits_of(v.eight_digit_code))
        << v.unix_time;
  }
  EXPECT_EQ(totp_step(at(59)), 1);
  EXPECT_EQ(totp_step(at(60)), 2);
  EXPECT_EQ(totp_step(at(1111111109)), 37037036);
  EXPECT_EQ(totp_code(rfc_secret(), totp_step(at(1111111111))), "050471");
  EXPECT_EQ(six_digits_of(94287082), "287082");
}

TEST(Totp, AcceptsCurrentAndOneStepEitherSide) {
  const std::string code = "287082";  // step 1 (T = 59)
  EXPECT_EQ(verify_totp(rfc_secret(), code, at(59), std::nullopt), 1);
  EXPECT_EQ(verify_totp(rfc_secret(), code, at(30), std::nullopt), 1);
  EXPECT_EQ(verify_totp(rfc_secret(), code, at(29), std::nullopt), 1);  // one step early
  EXPECT_EQ(verify_totp(rfc_secret(), code, at(89), std::nullopt), 1);  // one step late
  EXPECT_EQ(verify_totp(rfc_secret(), code, at(90), std::nullopt), std::nullopt);
  EXPECT_EQ(verify_totp(rfc_secret(), code, at(1000), std::nullopt), std::nullopt);
}

TEST(Totp, CodeIsAcceptedOnceOnly) {
  const auto now = at(1234567890);
  const std::string code = six_digits_of(89005924);
  const auto step = verify_totp(rfc_secret(), code, now, std::nullopt);
  ASSERT_TRUE(step);
  EXPECT_EQ(*step, 1234567890 / 30);
  EXPECT_EQ(verify_totp(rfc_secret(), code, now, step), std::nullopt);
  EXPECT_EQ(verify_totp(rfc_secret(), code, now, *step - 1), step);
  // The next step's code is still accepted after this one.
  const auto next = totp_code(rfc_secret(), *step + 1);
  EXPECT_EQ(verify_totp(rfc_secret(), next, now + std::chrono::seconds(30), step), *step + 1);
}

TEST(Totp, SpacesAsAppsShowThemAreIgnored) {
  EXPECT_EQ(verify_totp(rfc_secret(), "287 082", at(59), std::nullopt), 1);
  EXPECT_EQ(verify_totp(rfc_secret(), " 287082 ", at(59), std::nullopt), 1);
}

TEST(Totp, MalformedCodesAreRefused) {
  EXPECT_EQ(verify_totp(rfc_secret(), "28708", at(59), std::nullopt), std::nullopt);
  EXPECT_EQ(verify_totp(rfc_secret(), "2870822", at(59), std::nullopt), std::nullopt);
  EXPECT_EQ(verify_totp(rfc_secret(), "28708a", at(59), std::nullopt), std::nullopt);
  EXPECT_EQ(verify_totp(rfc_secret(), "287-082", at(59), std::nullopt), std::nullopt);
  EXPECT_EQ(verify_totp(rfc_secret(), "", at(59), std::nullopt), std::nullopt);
  EXPECT_EQ(verify_totp(rfc_secret(), "287083", at(59), std::nullopt), std::nullopt);
  EXPECT_EQ(verify_totp({}, "287082", at(59), std::nullopt), std::nullopt);
}

TEST(Totp, Base32IsRfc4648WithoutPadding) {
  EXPECT_EQ(base32_encode(rfc_secret()), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  const std::uint8_t f[] = {'f'};
  EXPECT_EQ(base32_encode(f), "MY");
}

TEST(Totp, OtpauthUriPercentEncodesLabelAndIssuer) {
  EXPECT_EQ(otpauth_uri("Contoso", "alice@contoso.example", rfc_secret()),
            "otpauth://totp/Contoso:alice%40contoso.example?secret="
            "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Contoso&algorithm=SHA1&digits=6&period=30");
  EXPECT_EQ(otpauth_uri("Contoso Ltd & Co", "a@b.example", rfc_secret()).substr(0, 53),
            "otpauth://totp/Contoso%20Ltd%20%26%20Co:a%40b.example");
  EXPECT_NE(otpauth_uri("Bø", "a@b.example", rfc_secret()).find("B%C3%B8:"), std::string::npos);
}

class SequenceRandom final : public Random {
 public:
  void fill(std::span<std::uint8_t> out) override {
    for (auto& b : out) b = next_++;
  }

 private:
  std::uint8_t next_ = 1;
};

TEST(Totp, GeneratedSecretHasTwentyBytesFromRandom) {
  SequenceRandom random;
  const auto secret = generate_totp_secret(random);
  ASSERT_EQ(secret.size(), 20u);
  EXPECT_EQ(secret.front(), 1);
  EXPECT_EQ(secret.back(), 20);
}

}  // namespace
}  // namespace sspr::domain::methods
