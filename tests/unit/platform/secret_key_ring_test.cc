#include "platform/secret_key_ring.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

namespace sspr::platform {
namespace {

const std::string kHexA(64, 'a');
const std::string kHexB(64, 'b');
const std::string kHexC(64, 'c');

std::string id_of(const std::string& text) { return SecretKey::from_text(text)->id(); }

TEST(SecretKeyRing, OneKeyFileIsARingOfOne) {
  auto ring = SecretKeyRing::from_text(kHexA + "\n");
  ASSERT_TRUE(ring) << ring.error().technical;
  ASSERT_EQ(ring->keys().size(), 1u);
  EXPECT_EQ(ring->current().id(), id_of(kHexA));
}

TEST(SecretKeyRing, FirstKeyIsCurrentAndTheOthersArePrevious) {
  auto ring = SecretKeyRing::from_text("# rotated 2026-11\n" + kHexB + "\n\n  " + kHexA +
                                       "  \r\n# oldest\n" + kHexC);
  ASSERT_TRUE(ring) << ring.error().technical;
  ASSERT_EQ(ring->keys().size(), 3u);
  EXPECT_EQ(ring->current().id(), id_of(kHexB));
  EXPECT_EQ(ring->keys()[1].id(), id_of(kHexA));
  EXPECT_EQ(ring->keys()[2].id(), id_of(kHexC));
  ASSERT_NE(ring->find(id_of(kHexC)), nullptr);
  EXPECT_EQ(ring->find(id_of(kHexC))->id(), id_of(kHexC));
  EXPECT_EQ(ring->find("00000000"), nullptr);
}

TEST(SecretKeyRing, ABadLineIsAnErrorNamingTheLineNotItsContent) {
  auto ring = SecretKeyRing::from_text(kHexA + "\nnot-a-key-but-a-secret\n", "keys.txt");
  ASSERT_FALSE(ring);
  EXPECT_EQ(ring.error().name, "InvalidInput");
  EXPECT_NE(ring.error().technical.find("keys.txt line 2"), std::string::npos)
      << ring.error().technical;
  EXPECT_EQ(ring.error().technical.find("not-a-key"), std::string::npos);
}

TEST(SecretKeyRing, TheSameKeyTwiceIsAnError) {
  auto ring = SecretKeyRing::from_text(kHexA + "\n" + kHexB + "\n" + kHexA + "\n");
  ASSERT_FALSE(ring);
  EXPECT_NE(ring.error().technical.find("line 3"), std::string::npos) << ring.error().technical;
  EXPECT_NE(ring.error().technical.find(id_of(kHexA)), std::string::npos);
}

TEST(SecretKeyRing, NoKeyIsAnError) {
  EXPECT_FALSE(SecretKeyRing::from_text(""));
  EXPECT_FALSE(SecretKeyRing::from_text("# only a comment\n\n"));
}

TEST(SecretKeyRing, LoadOrCreateWritesOneKeyAndReadsItBack) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("sspr-ring-test-" + std::to_string(::getpid()));
  const auto path = (dir / "secret.key").string();
  std::filesystem::remove_all(dir);
  auto created = SecretKeyRing::load_or_create(path);
  ASSERT_TRUE(created) << created.error().technical;
  EXPECT_EQ(created->keys().size(), 1u);
  // A previous key appended by the operator is read as a previous key.
  std::ofstream(path, std::ios::app) << kHexA << "\n";
  auto again = SecretKeyRing::from_file(path);
  ASSERT_TRUE(again) << again.error().technical;
  ASSERT_EQ(again->keys().size(), 2u);
  EXPECT_EQ(again->current().id(), created->current().id());
  EXPECT_EQ(again->keys()[1].id(), id_of(kHexA));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace sspr::platform
