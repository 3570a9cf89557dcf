#include "platform/secret_box.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <cstring>
#include <memory>

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

namespace sspr::platform {
namespace {

SecretKeyRing ring_of(std::initializer_list<char> fills) {
  std::string text;
  for (char fill : fills) text += std::string(64, fill) + "\n";
  auto ring = SecretKeyRing::from_text(text);
  EXPECT_TRUE(ring) << ring.error().technical;
  return *ring;
}

// A value sealed the way a SecretBox seals, but written without the "v1:<key id>:" prefix: the
// bare base64 of nonce | ciphertext (the format of a value that names no key).
std::string sealed_without_key_id(const SecretKey& key, std::string_view plaintext) {
  const auto subkey = key.derive(1, "secrtbox");
  std::vector<unsigned char> box(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES +
                                 plaintext.size());
  randombytes_buf(box.data(), crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(box.data() + crypto_secretbox_NONCEBYTES,
                        reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
                        box.data(), subkey.data());
  std::string encoded(sodium_base64_ENCODED_LEN(box.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(), box.data(), box.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  encoded.resize(std::strlen(encoded.c_str()));
  return encoded;
}

TEST(SecretBoxRing, SealsUnderTheCurrentKeyAndOpensUnderAPreviousOne) {
  SecretBox old_box(key_of('a'));
  const auto old_sealed = old_box.seal(bytes("JBSWY3DPEHPK3PXP"));
  SecretBox rotated(ring_of({'b', 'a'}));
  EXPECT_EQ(rotated.key_id(), key_of('b').id());
  EXPECT_TRUE(rotated.has_key(key_of('a').id()));
  EXPECT_FALSE(rotated.has_key(key_of('c').id()));
  EXPECT_EQ(rotated.key_ids(), (std::vector<std::string>{key_of('b').id(), key_of('a').id()}));
  auto opened = rotated.open(old_sealed);
  ASSERT_TRUE(opened) << opened.error().technical;
  EXPECT_EQ(*opened, bytes("JBSWY3DPEHPK3PXP"));
  const auto resealed = rotated.seal(*opened);
  EXPECT_EQ(sealed_key_id(resealed), key_of('b').id());
  // Once the old key is gone, the re-sealed value still opens; the old one does not.
  SecretBox new_only(key_of('b'));
  EXPECT_TRUE(new_only.open(resealed));
  EXPECT_FALSE(new_only.open(old_sealed));
}

TEST(SecretBoxRing, AKeyMissingFromTheRingIsAnErrorNamingTheKeyIds) {
  SecretBox c_box(key_of('c'));
  const auto sealed = c_box.seal(bytes("secret-of-c"));
  SecretBox ring(ring_of({'b', 'a'}));
  auto opened = ring.open(sealed);
  ASSERT_FALSE(opened);
  const auto& technical = opened.error().technical;
  EXPECT_NE(technical.find(key_of('c').id()), std::string::npos) << technical;
  EXPECT_NE(technical.find(key_of('a').id()), std::string::npos) << technical;
  EXPECT_NE(technical.find(key_of('b').id()), std::string::npos) << technical;
  EXPECT_EQ(technical.find("secret-of-c"), std::string::npos);
}

TEST(SecretBoxRing, OldFormatValueWithoutKeyIdStillOpens) {
  const auto legacy = sealed_without_key_id(key_of('a'), "GEZDGNBVGY3TQOJQ");
  EXPECT_EQ(sealed_key_id(legacy), std::nullopt);
  // Under the current key, and under a previous key of the ring.
  for (const auto& box : {std::make_shared<SecretBox>(key_of('a')),
                          std::make_shared<SecretBox>(ring_of({'b', 'a'}))}) {
    auto opened = box->open(legacy);
    ASSERT_TRUE(opened) << opened.error().technical;
    EXPECT_EQ(*opened, bytes("GEZDGNBVGY3TQOJQ"));
  }
  // A ring without its key cannot open it, and says so without content.
  auto refused = SecretBox(ring_of({'b', 'c'})).open(legacy);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().technical.find("without a key id"), std::string::npos)
      << refused.error().technical;
  // Altered, it opens under no key.
  std::string altered = legacy;
  altered[40] = altered[40] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(SecretBox(key_of('a')).open(altered));
}

}  // namespace
}  // namespace sspr::platform
