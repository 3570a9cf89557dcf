#include "platform/hmac_captcha_signer.h"

#include <gtest/gtest.h>

namespace sspr::platform {
namespace {

SecretKey key_from(char fill) {
  auto key = SecretKey::from_text(std::string(64, fill));
  EXPECT_TRUE(key.ok());
  return *key;
}

TEST(HmacCaptchaSigner, Sha256MatchesTheStandardVectors) {
  const HmacCaptchaSigner signer(key_from('1'));
  EXPECT_EQ(signer.sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(signer.sha256_hex(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(HmacCaptchaSigner, SignatureIsHexAndVerifiesOnlyForItsChallenge) {
  const HmacCaptchaSigner signer(key_from('1'));
  const std::string challenge(64, 'a');
  const auto signature = signer.sign(challenge);
  EXPECT_EQ(signature.size(), 64u);
  EXPECT_EQ(signature.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_TRUE(signer.verify(challenge, signature));
  EXPECT_FALSE(signer.verify(std::string(64, 'b'), signature));
  std::string tampered = signature;
  tampered[63] = tampered[63] == '0' ? '1' : '0';
  EXPECT_FALSE(signer.verify(challenge, tampered));
  EXPECT_FALSE(signer.verify(challenge, signature.substr(0, 63)));
  EXPECT_FALSE(signer.verify(challenge, ""));
}

TEST(HmacCaptchaSigner, TheSameKeySignsAlikeAndAnotherKeyDifferently) {
  const HmacCaptchaSigner one(key_from('1'));
  const HmacCaptchaSigner same(key_from('1'));
  const HmacCaptchaSigner other(key_from('2'));
  const std::string challenge = one.sha256_hex(
      "salt?expires=1"
      "42");
  EXPECT_EQ(one.sign(challenge), same.sign(challenge));
  EXPECT_NE(one.sign(challenge), other.sign(challenge));
  EXPECT_FALSE(other.verify(challenge, one.sign(challenge)));
}

}  // namespace
}  // namespace sspr::platform

namespace sspr::platform {
namespace {

TEST(HmacCaptchaSigner, SignsWithTheCurrentKeyAndAcceptsPreviousKeysSignatures) {
  const HmacCaptchaSigner old_signer(key_from('1'));
  const auto old_signature = old_signer.sign("challenge");
  const HmacCaptchaSigner rotated(
      *SecretKeyRing::from_text(std::string(64, '2') + "\n" + std::string(64, '1') + "\n"));
  EXPECT_EQ(rotated.sign("challenge"), HmacCaptchaSigner(key_from('2')).sign("challenge"));
  EXPECT_TRUE(rotated.verify("challenge", old_signature));
  EXPECT_TRUE(rotated.verify("challenge", rotated.sign("challenge")));
  EXPECT_FALSE(rotated.verify("other", old_signature));
  EXPECT_FALSE(HmacCaptchaSigner(key_from('2')).verify("challenge", old_signature));
}

}  // namespace
}  // namespace sspr::platform
