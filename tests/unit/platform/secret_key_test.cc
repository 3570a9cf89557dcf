#include "platform/secret_key.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace sspr::platform {
namespace {

// A fresh temporary directory, removed afterwards.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "sspr-key-XXXXXX").string();
    path_ = ::mkdtemp(pattern.data());
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

const std::string kHexKey = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
const std::string kBase64Key = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

TEST(SecretKey, HexAndBase64FormsOfTheSameKeyAreTheSameKey) {
  auto hex = SecretKey::from_text(kHexKey + "\n");
  auto base64 = SecretKey::from_text("  " + kBase64Key + "\n");
  ASSERT_TRUE(hex) << hex.error().technical;
  ASSERT_TRUE(base64) << base64.error().technical;
  EXPECT_EQ(hex->id(), base64->id());
  EXPECT_EQ(hex->id().size(), 8u);
  EXPECT_EQ(hex->id().find_first_not_of("0123456789abcdef"), std::string::npos);
}

TEST(SecretKey, DifferentKeysHaveDifferentIds) {
  auto a = SecretKey::from_text(kHexKey);
  auto b = SecretKey::from_text(std::string(63, '0') + "1");
  ASSERT_TRUE(a && b);
  EXPECT_NE(a->id(), b->id());
}

TEST(SecretKey, MalformedKeyTextIsAnErrorWithoutTheContent) {
  for (const std::string& text :
       {std::string(""), std::string("short"), kHexKey.substr(2), kHexKey + "00",
        std::string(64, 'g'), kBase64Key.substr(4), kBase64Key + "x"}) {
    auto key = SecretKey::from_text(text, "key.txt");
    ASSERT_FALSE(key) << text;
    EXPECT_EQ(key.error().code, "InvalidInput");
    if (!text.empty()) {
      EXPECT_EQ(key.error().technical.find(text), std::string::npos);
    }
  }
}

TEST(SecretKey, GenerateKeyFileCreatesA0600FileOnceAndNeverOverwrites) {
  TempDir dir;
  const auto path = dir.file("sub/secret.key");
  auto created = generate_key_file(path);
  ASSERT_TRUE(created) << created.error().technical;
  EXPECT_TRUE(*created);
  struct stat info {};
  ASSERT_EQ(::stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  auto first = SecretKey::from_file(path);
  ASSERT_TRUE(first) << first.error().technical;

  auto again = generate_key_file(path);
  ASSERT_TRUE(again);
  EXPECT_FALSE(*again);
  auto second = SecretKey::load_or_create(path);
  ASSERT_TRUE(second);
  EXPECT_EQ(first->id(), second->id());
}

TEST(SecretKey, TwoGeneratedKeysDiffer) {
  TempDir dir;
  auto a = SecretKey::load_or_create(dir.file("a.key"));
  auto b = SecretKey::load_or_create(dir.file("b.key"));
  ASSERT_TRUE(a && b);
  EXPECT_NE(a->id(), b->id());
}

TEST(SecretKey, MissingFileIsAnErrorNamingThePath) {
  TempDir dir;
  auto key = SecretKey::from_file(dir.file("absent.key"));
  ASSERT_FALSE(key);
  EXPECT_NE(key.error().technical.find("absent.key"), std::string::npos);
}

TEST(SecretKey, SubkeysDependOnPurpose) {
  auto key = SecretKey::from_text(kHexKey);
  ASSERT_TRUE(key);
  EXPECT_NE(key->derive(1, "secrtbox"), key->derive(1, "otcdigst"));
  EXPECT_NE(key->derive(1, "secrtbox"), key->derive(2, "secrtbox"));
  EXPECT_EQ(key->derive(1, "secrtbox"), key->derive(1, "secrtbox"));
}

}  // namespace
}  // namespace sspr::platform
