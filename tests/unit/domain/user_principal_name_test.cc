#include "domain/user_principal_name.h"

#include <gtest/gtest.h>

namespace sspr::domain {
namespace {

std::string upn_of(std::size_t local, std::size_t domain_labels_chars) {
  // domain: "<n a's>.example" sized so that the whole domain has domain_labels_chars chars
  const std::string suffix = ".example";
  return std::string(local, 'a') + "@" + std::string(domain_labels_chars - suffix.size(), 'b') +
         suffix;
}

TEST(UserPrincipalName, AcceptsAndLowerCases) {
  auto upn = UserPrincipalName::parse("Alice.Smith@Contoso.Example");
  ASSERT_TRUE(upn.ok());
  EXPECT_EQ(upn->str(), "alice.smith@contoso.example");
  EXPECT_EQ(upn->local_part(), "alice.smith");
  EXPECT_EQ(upn->domain(), "contoso.example");
}

TEST(UserPrincipalName, LocalPartAtMost64Characters) {
  EXPECT_TRUE(UserPrincipalName::parse(upn_of(64, 20)).ok());
  auto too_long = UserPrincipalName::parse(upn_of(65, 20));
  ASSERT_FALSE(too_long.ok());
  EXPECT_EQ(too_long.error().name, "InvalidUserPrincipalName");
  EXPECT_NE(too_long.error().technical.find("64"), std::string::npos);
}

TEST(UserPrincipalName, DomainAtMost48Characters) {
  EXPECT_TRUE(UserPrincipalName::parse(upn_of(10, 48)).ok());
  EXPECT_FALSE(UserPrincipalName::parse(upn_of(10, 49)).ok());
}

TEST(UserPrincipalName, AtMost113CharactersInAll) {
  EXPECT_TRUE(UserPrincipalName::parse(upn_of(64, 48)).ok());  // 64 + 1 + 48 = 113
  EXPECT_FALSE(UserPrincipalName::parse(upn_of(64, 48) + "x").ok());
}

TEST(UserPrincipalName, AllowedLocalCharacters) {
  EXPECT_TRUE(UserPrincipalName::parse("a'b.c-d_e!f#g^h~i@contoso.example").ok());
  for (std::string bad : {"a b", "a$b", "a%b", "a&b", "a*b", "a(b", "a=b", "a+b", "a,b", "a\"b",
                          "a;b", "a:b", "a<b", "a/b", "\xc3\xa6x"}) {
    EXPECT_FALSE(UserPrincipalName::parse(bad + "@contoso.example").ok()) << bad;
  }
}

TEST(UserPrincipalName, PeriodRules) {
  EXPECT_FALSE(UserPrincipalName::parse(".alice@contoso.example").ok());
  EXPECT_FALSE(UserPrincipalName::parse("alice.@contoso.example").ok());
  EXPECT_TRUE(UserPrincipalName::parse("al.ice@contoso.example").ok());
}

TEST(UserPrincipalName, ExactlyOneAtAndAValidDomain) {
  EXPECT_FALSE(UserPrincipalName::parse("alice").ok());
  EXPECT_FALSE(UserPrincipalName::parse("@contoso.example").ok());
  EXPECT_FALSE(UserPrincipalName::parse("a@b@contoso.example").ok());
  EXPECT_FALSE(UserPrincipalName::parse("alice@contoso").ok());
  EXPECT_FALSE(UserPrincipalName::parse("alice@-contoso.example").ok());
  EXPECT_FALSE(UserPrincipalName::parse("alice@contoso..example").ok());
  EXPECT_FALSE(UserPrincipalName::parse("alice@contoso_x.example").ok());
}

TEST(DomainName, NormalisesAndValidates) {
  EXPECT_EQ(*parse_domain_name("Contoso.EXAMPLE"), "contoso.example");
  EXPECT_FALSE(parse_domain_name("").ok());
  EXPECT_FALSE(parse_domain_name("localhost").ok());
  EXPECT_FALSE(parse_domain_name("a.b-").ok());
}

}  // namespace
}  // namespace sspr::domain
