#include "platform/password_hash_messages.h"

#include <gtest/gtest.h>

#include <string>

namespace sspr::platform::hash_messages {
namespace {

TEST(PasswordHashMessages, AHashRequestCarriesTheSecretWhateverItsBytes) {
  const std::string secret("pa\0ss\xffword", 11);
  const auto encoded = encode_request(RequestKind::hash, secret);
  ASSERT_TRUE(encoded);
  const auto decoded = decode_request(*encoded);
  ASSERT_TRUE(decoded);
  EXPECT_EQ(decoded->kind, RequestKind::hash);
  EXPECT_EQ(decoded->secret, secret);
  EXPECT_EQ(decoded->hashed, "");
}

TEST(PasswordHashMessages, AVerifyRequestCarriesTheSecretAndTheStoredHash) {
  const auto encoded = encode_request(RequestKind::verify, "secret", "$argon2id$v=19$rest");
  ASSERT_TRUE(encoded);
  const auto decoded = decode_request(*encoded);
  ASSERT_TRUE(decoded);
  EXPECT_EQ(decoded->kind, RequestKind::verify);
  EXPECT_EQ(decoded->secret, "secret");
  EXPECT_EQ(decoded->hashed, "$argon2id$v=19$rest");
}

TEST(PasswordHashMessages, ARequestLargerThanOneMessageIsNotEncoded) {
  EXPECT_FALSE(encode_request(RequestKind::hash, std::string(kMaxMessageBytes, 'a')));
  EXPECT_TRUE(encode_request(RequestKind::hash, std::string(kMaxMessageBytes - 5, 'a')));
}

TEST(PasswordHashMessages, MalformedRequestsAreRefused) {
  EXPECT_FALSE(decode_request(""));
  EXPECT_FALSE(decode_request("H"));
  EXPECT_FALSE(decode_request(std::string("X\x01\0\0\0a", 6)));
  // A length beyond the message.
  EXPECT_FALSE(decode_request(std::string("H\x09\0\0\0abc", 8)));
  // A hash request with something after its secret; a verify request with no stored hash.
  EXPECT_FALSE(decode_request(std::string("H\x01\0\0\0ab", 7)));
  EXPECT_FALSE(decode_request(std::string("V\x01\0\0\0a", 6)));
}

TEST(PasswordHashMessages, RepliesDecodeToWhatWasEncoded) {
  const auto hashed = decode_reply(encode_hashed_reply("$argon2id$x"));
  ASSERT_TRUE(hashed);
  EXPECT_EQ(hashed->kind, ReplyKind::hashed);
  EXPECT_EQ(hashed->text, "$argon2id$x");
  const auto yes = decode_reply(encode_verified_reply(true));
  const auto no = decode_reply(encode_verified_reply(false));
  ASSERT_TRUE(yes && no);
  EXPECT_TRUE(yes->match);
  EXPECT_FALSE(no->match);
  const auto failed = decode_reply(encode_failed_reply("ran out of memory"));
  ASSERT_TRUE(failed);
  EXPECT_EQ(failed->kind, ReplyKind::failed);
  EXPECT_EQ(failed->text, "ran out of memory");
}

TEST(PasswordHashMessages, MalformedRepliesAreRefused) {
  EXPECT_FALSE(decode_reply(""));
  EXPECT_FALSE(decode_reply("H"));
  EXPECT_FALSE(decode_reply("V"));
  EXPECT_FALSE(decode_reply("V2"));
  EXPECT_FALSE(decode_reply("V11"));
  EXPECT_FALSE(decode_reply("Zx"));
  EXPECT_FALSE(decode_reply("H" + std::string(kMaxReplyBytes, 'x')));
}

TEST(PasswordHashMessages, AFailureTextIsCutToFitAReply) {
  const auto reply = decode_reply(encode_failed_reply(std::string(2 * kMaxReplyBytes, 'e')));
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->kind, ReplyKind::failed);
  EXPECT_EQ(reply->text.size(), kMaxReplyBytes - 1);
}

TEST(PasswordHashMessages, WipeZeroesTheBytes) {
  std::string secret = "correct horse";
  wipe(secret);
  EXPECT_EQ(secret, std::string(13, '\0'));
}

}  // namespace
}  // namespace sspr::platform::hash_messages
