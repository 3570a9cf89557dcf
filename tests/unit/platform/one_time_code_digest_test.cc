#include "platform/one_time_code_digest.h"

#include <gtest/gtest.h>

namespace sspr::platform {
namespace {

SecretKey key_of(char fill) { return *SecretKey::from_text(std::string(64, fill)); }

TEST(OneTimeCodeDigest, MatchesOnlyTheSameCodeInTheSameChallenge) {
  OneTimeCodeDigest digester(key_of('a'));
  const auto stored = digester.digest("challenge-1", "123456");
  EXPECT_EQ(stored.size(), 64u);
  EXPECT_EQ(stored.find("123456"), std::string::npos);
  EXPECT_TRUE(digester.matches(stored, "challenge-1", "123456"));
  EXPECT_FALSE(digester.matches(stored, "challenge-1", "123457"));
  EXPECT_FALSE(digester.matches(stored, "challenge-2", "123456"));
  EXPECT_FALSE(digester.matches(stored.substr(1), "challenge-1", "123456"));
  EXPECT_FALSE(digester.matches("", "challenge-1", "123456"));
}

TEST(OneTimeCodeDigest, ChallengeAndCodeBoundariesCannotShift) {
  OneTimeCodeDigest digester(key_of('a'));
  EXPECT_NE(digester.digest("ab", "1234"), digester.digest("a", "b1234"));
}

TEST(OneTimeCodeDigest, DependsOnTheServerKey) {
  OneTimeCodeDigest a(key_of('a'));
  OneTimeCodeDigest b(key_of('b'));
  EXPECT_NE(a.digest("c", "123456"), b.digest("c", "123456"));
  EXPECT_EQ(a.digest("c", "123456"), a.digest("c", "123456"));
}

}  // namespace
}  // namespace sspr::platform

namespace sspr::platform {
namespace {

SecretKeyRing ring_of(const std::string& text) { return *SecretKeyRing::from_text(text); }

TEST(OneTimeCodeDigest, ACodeDigestedBeforeARotationStillMatches) {
  OneTimeCodeDigest before(key_of('a'));
  const auto stored = before.digest("challenge-1", "123456");
  // The new key is current, the old one previous: new digests use the new key, old ones match.
  OneTimeCodeDigest after(ring_of(std::string(64, 'b') + "\n" + std::string(64, 'a') + "\n"));
  EXPECT_EQ(after.digest("challenge-1", "123456"),
            OneTimeCodeDigest(key_of('b')).digest("challenge-1", "123456"));
  EXPECT_TRUE(after.matches(stored, "challenge-1", "123456"));
  EXPECT_FALSE(after.matches(stored, "challenge-1", "123457"));
  // Once the old key is removed from the ring, its digests no longer match.
  EXPECT_FALSE(OneTimeCodeDigest(key_of('b')).matches(stored, "challenge-1", "123456"));
}

}  // namespace
}  // namespace sspr::platform
