#include "platform/secret_box.h"

#include <gtest/gtest.h>

namespace sspr::platform {
namespace {

SecretKey key_of(char fill) {
  auto key = SecretKey::from_text(std::string(64, fill));
  EXPECT_TRUE(key);
  return *key;
}

std::vector<std::uint8_t> bytes(std::string_view text) { return {text.begin(), text.end()}; }

TEST(SecretBox, RoundTrip) {
  SecretBox box(key_of('a'));
  const auto secret = bytes("12345678901234567890");
  const auto sealed = box.seal(secret);
  EXPECT_EQ(sealed.rfind("v1:" + box.key_id() + ":", 0), 0u) << sealed;
  EXPECT_EQ(sealed.find("12345678901234567890"), std::string::npos);
  auto opened = box.open(sealed);
  ASSERT_TRUE(opened) << opened.error().technical;
  EXPECT_EQ(*opened, secret);
  EXPECT_EQ(sealed_key_id(sealed), box.key_id());
}

TEST(SecretBox, EmptySecretRoundTrips) {
  SecretBox box(key_of('a'));
  auto opened = box.open(box.seal({}));
  ASSERT_TRUE(opened);
  EXPECT_TRUE(opened->empty());
}

TEST(SecretBox, EachEncryptionUsesAFreshNonce) {
  SecretBox box(key_of('a'));
  const auto secret = bytes("same secret");
  const auto first = box.seal(secret);
  const auto second = box.seal(secret);
  EXPECT_NE(first, second);
  // The first 24 bytes (32 base64 characters) after the prefix are the nonce.
  const auto prefix = std::string("v1:" + box.key_id() + ":").size();
  EXPECT_NE(first.substr(prefix, 32), second.substr(prefix, 32));
  EXPECT_EQ(*box.open(first), *box.open(second));
}

TEST(SecretBox, WrongKeyIsAnErrorNamingBothKeyIds) {
  SecretBox a(key_of('a'));
  SecretBox b(key_of('b'));
  const auto sealed = a.seal(bytes("hunter2-totp"));
  auto opened = b.open(sealed);
  ASSERT_FALSE(opened);
  EXPECT_NE(opened.error().technical.find(a.key_id()), std::string::npos);
  EXPECT_NE(opened.error().technical.find(b.key_id()), std::string::npos);
  EXPECT_EQ(opened.error().technical.find("hunter2"), std::string::npos);
  // Even when the key id is forged to match, authentication fails.
  std::string forged = sealed;
  forged.replace(3, 8, b.key_id());
  EXPECT_FALSE(b.open(forged));
}

TEST(SecretBox, AnyTamperingIsDetected) {
  SecretBox box(key_of('a'));
  const auto sealed = box.seal(bytes("authenticator secret"));
  const auto prefix = std::string("v1:" + box.key_id() + ":").size();
  for (std::size_t i = prefix; i + 2 < sealed.size(); ++i) {  // last chars may be padding
    std::string altered = sealed;
    altered[i] = altered[i] == 'A' ? 'B' : 'A';
    EXPECT_FALSE(box.open(altered)) << "position " << i;
  }
}

TEST(SecretBox, MalformedValuesAreErrorsNotCrashes) {
  SecretBox box(key_of('a'));
  const std::string id = box.key_id();
  for (const std::string& text :
       {std::string(""), std::string("v1"), std::string("v1:"), "v1:" + id, "v1:" + id + ":",
        "v1:" + id + ":AAAA", "v1:" + id + ":!!!!", "v2:" + id + ":AAAA",
        "v1:" + id + ":" + std::string(100000, 'A')}) {
    EXPECT_FALSE(box.open(text)) << text.substr(0, 40);
  }
  EXPECT_FALSE(sealed_key_id("plain text"));
}

}  // namespace
}  // namespace sspr::platform
