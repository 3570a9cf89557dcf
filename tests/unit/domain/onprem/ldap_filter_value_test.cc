#include "domain/onprem/ldap_filter_value.h"

#include <gtest/gtest.h>

#include <string>

#include "domain/onprem/attribute_mapping.h"

namespace sspr::domain::onprem {
namespace {

TEST(LdapFilterValue, EscapesTheFiveSpecialsOfRfc4515) {
  EXPECT_EQ(escaped_filter_value("*"), "\\2a");
  EXPECT_EQ(escaped_filter_value("("), "\\28");
  EXPECT_EQ(escaped_filter_value(")"), "\\29");
  EXPECT_EQ(escaped_filter_value("\\"), "\\5c");
  EXPECT_EQ(escaped_filter_value(std::string("\0", 1)), "\\00");
  // RFC 4515's own examples.
  EXPECT_EQ(escaped_filter_value("Parens R Us (for all your parenthetical needs)"),
            "Parens R Us \\28for all your parenthetical needs\\29");
  EXPECT_EQ(escaped_filter_value("*"), "\\2a");
  EXPECT_EQ(escaped_filter_value("C:\\MyFile"), "C:\\5cMyFile");
}

TEST(LdapFilterValue, AnInjectionAttemptStaysOneValue) {
  EXPECT_EQ(escaped_filter_value("*)(uid=*"), "\\2a\\29\\28uid=\\2a");
  EXPECT_EQ(escaped_filter_value("x)(|(objectClass=*)"), "x\\29\\28|\\28objectClass=\\2a\\29");
  const std::string with_nul("a\0*", 3);
  EXPECT_EQ(escaped_filter_value(with_nul), "a\\00\\2a");
}

TEST(LdapFilterValue, LeavesDnSpecialsAndUtf8AsTheyAre) {
  // Not special in a filter value (RFC 4514's DN specials are a DN's business).
  EXPECT_EQ(escaped_filter_value(",+\"<>;= #"), ",+\"<>;= #");
  EXPECT_EQ(escaped_filter_value("Jürgen Øster"), "Jürgen Øster");
  EXPECT_EQ(escaped_filter_value(""), "");
}

TEST(LdapFilterValue, TheWatermarkFilterEscapesItsValue) {
  const auto mapping = default_mapping(DirectoryFlavor::kOpenLdap, "");
  EXPECT_EQ(changed_since("(objectClass=person)", mapping, "2026*)(cn=*"),
            "(&(objectClass=person)(modifyTimestamp>=2026\\2a\\29\\28cn=\\2a))");
}

}  // namespace
}  // namespace sspr::domain::onprem
