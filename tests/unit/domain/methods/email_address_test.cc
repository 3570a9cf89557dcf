#include "domain/methods/email_address.h"

#include <gtest/gtest.h>

#include <vector>

namespace sspr::domain::methods {
namespace {

TEST(EmailAddress, DomainIsLowerCasedLocalPartKept) {
  auto email = parse_email_address("  Alice.Smith@Example.ORG ");
  ASSERT_TRUE(email);
  EXPECT_EQ(email->value, "Alice.Smith@example.org");
}

TEST(EmailAddress, MaskShowsFirstCharacterAndDomain) {
  EXPECT_EQ(parse_email_address("alice@example.org")->masked(), "a•••@example.org");
  EXPECT_EQ(parse_email_address("x@example.org")->masked(), "x•••@example.org");
  EXPECT_EQ(parse_email_address("øjvind@example.dk")->masked(), "ø•••@example.dk");
}

TEST(EmailAddress, MalformedAddressesAreRefused) {
  for (const std::string& text : std::vector<std::string>{
           "", "alice", "@example.org", "alice@", "alice@example", "alice@@example.org",
           "a@b@example.org", "alice smith@example.org", "alice@.example.org", "alice@example.org.",
           "alice@example..org", std::string("alice\x01@example.org"), "alice\xc3@example.org",
           "alice\u00a0x@example.org"}) {
    auto email = parse_email_address(text, "alternate_email");
    ASSERT_FALSE(email) << text;
    EXPECT_EQ(email.error().message_key, "error.InvalidEmailAddress");
    EXPECT_EQ(email.error().technical.rfind("alternate_email: ", 0), 0u);
  }
}

TEST(EmailAddress, LengthLimitIs254) {
  const std::string domain = "@example.org";
  EXPECT_TRUE(parse_email_address(std::string(254 - domain.size(), 'a') + domain));
  EXPECT_FALSE(parse_email_address(std::string(255 - domain.size(), 'a') + domain));
}

TEST(EmailAddress, OwnMailboxIsRecognisedCaseInsensitively) {
  auto email = parse_email_address("Alice@Contoso.Example");
  ASSERT_TRUE(email);
  EXPECT_TRUE(is_own_mailbox(*email, "alice@contoso.example"));
  EXPECT_FALSE(is_own_mailbox(*email, "alice@fabrikam.example"));
  EXPECT_FALSE(is_own_mailbox(*email, ""));
}

}  // namespace
}  // namespace sspr::domain::methods
