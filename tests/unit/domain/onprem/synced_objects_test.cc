#include "domain/onprem/synced_objects.h"

#include <gtest/gtest.h>

namespace sspr::domain::onprem {
namespace {

const std::vector<std::string> kDomains{"contoso.example", "fabrikam.example"};

DirectoryEntry alice() {
  DirectoryEntry entry("uid=alice,ou=people,dc=contoso,dc=example");
  entry.add("entryUUID", "uuid-alice");
  entry.add("mail", "Alice@Contoso.example");
  entry.add("cn", "Alice Smith");
  entry.add("givenName", "Alice");
  entry.add("sn", "Smith");
  entry.add("mobile", "+1 425 555 0100");
  entry.add("telephoneNumber", "+1 425 555 0111 x123");
  return entry;
}

TEST(MapUser, TakesTheMappedAttributes) {
  auto mapped = map_user(alice(), default_mapping(DirectoryFlavor::kOpenLdap), kDomains);
  ASSERT_TRUE(mapped.ok()) << mapped.error().technical;
  const auto& u = mapped->user;
  EXPECT_EQ(u.anchor, "uuid-alice");
  EXPECT_EQ(u.dn, "uid=alice,ou=people,dc=contoso,dc=example");
  EXPECT_EQ(u.upn, "alice@contoso.example");
  EXPECT_EQ(u.display_name, "Alice Smith");
  EXPECT_EQ(u.given_name, "Alice");
  EXPECT_EQ(u.surname, "Smith");
  EXPECT_EQ(u.email, "Alice@contoso.example");  // the domain part lower-cased
  EXPECT_EQ(u.mobile_phone, "+14255550100");
  EXPECT_EQ(u.office_phone, "+14255550111");
  EXPECT_EQ(u.office_extension, "123");
  EXPECT_TRUE(u.enabled);
  EXPECT_TRUE(mapped->notes.empty());
}

TEST(MapUser, AUpnWithoutDomainGetsTheTenantsFirstDomain) {
  auto entry = alice();
  entry.add("uid", "alice");
  auto mapped = map_user(entry, default_mapping(DirectoryFlavor::kOpenLdap, "uid"), kDomains);
  ASSERT_TRUE(mapped.ok());
  EXPECT_EQ(mapped->user.upn, "alice@contoso.example");
}

TEST(MapUser, RefusesAUpnOutsideTheTenantsDomains) {
  DirectoryEntry entry("uid=eve,dc=contoso,dc=example");
  entry.add("entryUUID", "uuid-eve");
  entry.add("mail", "eve@other-tenant.example");
  auto mapped = map_user(entry, default_mapping(DirectoryFlavor::kOpenLdap), kDomains);
  ASSERT_FALSE(mapped.ok());
  EXPECT_NE(mapped.error().technical.find("not one of the tenant's domains"), std::string::npos);
}

TEST(MapUser, NeedsAnAnchorAndAUpn) {
  DirectoryEntry no_anchor("uid=a,dc=contoso,dc=example");
  no_anchor.add("mail", "a@contoso.example");
  EXPECT_FALSE(map_user(no_anchor, default_mapping(DirectoryFlavor::kOpenLdap), kDomains).ok());
  DirectoryEntry no_upn("uid=b,dc=contoso,dc=example");
  no_upn.add("entryUUID", "uuid-b");
  EXPECT_FALSE(map_user(no_upn, default_mapping(DirectoryFlavor::kOpenLdap), kDomains).ok());
}

TEST(MapUser, UnusablePhonesAreDroppedWithANoteAndTheUserStays) {
  auto entry = alice();
  DirectoryEntry bad(entry.dn());
  bad.add("entryUUID", "uuid-alice");
  bad.add("mail", "alice@contoso.example");
  bad.add("mobile", "not a number");
  bad.add("telephoneNumber", "12");
  auto mapped = map_user(bad, default_mapping(DirectoryFlavor::kOpenLdap), kDomains);
  ASSERT_TRUE(mapped.ok());
  EXPECT_EQ(mapped->user.mobile_phone, "");
  EXPECT_EQ(mapped->user.office_phone, "");
  EXPECT_EQ(mapped->notes.size(), 2u);
}

TEST(MapUser, AMappedUserIsEnabledWhateverItsAttributes) {
  // Disabled is the directory's answer to the disabled filter, asked apart by the sync.
  auto entry = alice();
  entry.add("pwdAccountLockedTime", "000001010000Z");
  auto mapped = map_user(entry, default_mapping(DirectoryFlavor::kOpenLdap), kDomains);
  ASSERT_TRUE(mapped.ok());
  EXPECT_TRUE(mapped->user.enabled);
}

TEST(MapUser, ActiveDirectoryEntry) {
  DirectoryEntry entry("CN=Bob Jones,OU=Staff,DC=contoso,DC=example");
  entry.add("objectGUID",
            std::string("\xe0\x04\x25\x3f\x89\x4f\xd3\x11\x9a\x0c\x03\x05\xe8\x2c\x33\x01", 16));
  entry.add("userPrincipalName", "bob@fabrikam.example");
  entry.add("displayName", "Bob Jones");
  auto mapped = map_user(entry, default_mapping(DirectoryFlavor::kActiveDirectory), kDomains);
  ASSERT_TRUE(mapped.ok()) << mapped.error().technical;
  EXPECT_EQ(mapped->user.anchor, "3f2504e0-4f89-11d3-9a0c-0305e82c3301");
  EXPECT_EQ(mapped->user.upn, "bob@fabrikam.example");
  EXPECT_EQ(mapped->user.display_name, "Bob Jones");
}

TEST(MapGroup, NameAndNormalizedMembers) {
  DirectoryEntry entry("cn=Staff,ou=groups,dc=contoso,dc=example");
  entry.add("entryUUID", "uuid-staff");
  entry.add("cn", "Staff");
  entry.add("member", "uid=alice, ou=people, dc=contoso, dc=example");
  entry.add("member", "UID=Alice,OU=people,DC=contoso,DC=example");
  entry.add("member", "cn=Nested,ou=groups,dc=contoso,dc=example");
  auto group = map_group(entry, default_mapping(DirectoryFlavor::kOpenLdap));
  ASSERT_TRUE(group.ok());
  EXPECT_EQ(group->name, "Staff");
  EXPECT_EQ(group->member_dns,
            (std::vector<std::string>{"cn=nested,ou=groups,dc=contoso,dc=example",
                                      "uid=alice,ou=people,dc=contoso,dc=example"}));
}

TEST(MapGroup, NeedsAName) {
  DirectoryEntry entry("cn=x,dc=contoso,dc=example");
  entry.add("entryUUID", "uuid-x");
  EXPECT_FALSE(map_group(entry, default_mapping(DirectoryFlavor::kOpenLdap)).ok());
}

}  // namespace
}  // namespace sspr::domain::onprem
