#include "domain/onprem/attribute_mapping.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace sspr::domain::onprem {
namespace {

bool has(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

TEST(AttributeMapping, OpenLdapDefaults) {
  auto m = default_mapping(DirectoryFlavor::kOpenLdap);
  EXPECT_EQ(m.upn, "mail");
  EXPECT_EQ(m.anchor, "entryUUID");
  EXPECT_EQ(m.watermark, "modifyTimestamp");
  EXPECT_EQ(m.group_filter, "(objectClass=groupOfNames)");
  auto attributes = user_attributes(m);
  // Operational attributes are only returned when named.
  EXPECT_TRUE(has(attributes, "entryUUID"));
  EXPECT_TRUE(has(attributes, "modifyTimestamp"));
  EXPECT_TRUE(has(attributes, "telephoneNumber"));
}

TEST(AttributeMapping, ActiveDirectoryDefaults) {
  auto m = default_mapping(DirectoryFlavor::kActiveDirectory);
  EXPECT_EQ(m.upn, "userPrincipalName");
  EXPECT_EQ(m.anchor, "objectGUID");
  EXPECT_EQ(m.watermark, "uSNChanged");
  EXPECT_EQ(m.disabled_filter, "(userAccountControl:1.2.840.113556.1.4.803:=2)");
  EXPECT_EQ(m.group_filter, "(objectClass=group)");
  EXPECT_TRUE(has(group_attributes(m), "member"));
}

TEST(AttributeMapping, TheUpnAttributeCanBeChosen) {
  EXPECT_EQ(default_mapping(DirectoryFlavor::kOpenLdap, "uid").upn, "uid");
}

TEST(AttributeMapping, ChangedSinceNarrowsTheFilterAndEscapesTheValue) {
  auto m = default_mapping(DirectoryFlavor::kOpenLdap);
  EXPECT_EQ(changed_since(m.user_filter, m, ""), m.user_filter);
  EXPECT_EQ(changed_since(m.user_filter, m, "20261123101500Z"),
            "(&(objectClass=inetOrgPerson)(modifyTimestamp>=20261123101500Z))");
  EXPECT_EQ(changed_since("(a=b)", m, "x)(y"), "(&(a=b)(modifyTimestamp>=x\\29\\28y))");
  auto ad = default_mapping(DirectoryFlavor::kActiveDirectory);
  EXPECT_EQ(changed_since("(objectClass=group)", ad, "12345"),
            "(&(objectClass=group)(uSNChanged>=12345))");
}

TEST(AttributeMapping, LaterWatermark) {
  auto m = default_mapping(DirectoryFlavor::kOpenLdap);
  EXPECT_EQ(later_watermark(m, "", "20261123101500Z"), "20261123101500Z");
  EXPECT_EQ(later_watermark(m, "20261123101500Z", "20251123101500Z"), "20261123101500Z");
  auto ad = default_mapping(DirectoryFlavor::kActiveDirectory);
  // Numbers, not text: 10000 is later than 9999.
  EXPECT_EQ(later_watermark(ad, "9999", "10000"), "10000");
  EXPECT_EQ(later_watermark(ad, "10000", "9999"), "10000");
}

TEST(AttributeMapping, DisabledUsersAreThoseMatchingTheDisabledFilter) {
  auto m = default_mapping(DirectoryFlavor::kOpenLdap);
  // ppolicy's permanent lock only: a lockout after failed binds is temporary.
  EXPECT_EQ(m.disabled_filter, "(pwdAccountLockedTime=000001010000Z)");
  EXPECT_EQ(disabled_users_filter(m),
            "(&(objectClass=inetOrgPerson)(pwdAccountLockedTime=000001010000Z))");
  auto ad = default_mapping(DirectoryFlavor::kActiveDirectory);
  EXPECT_EQ(disabled_users_filter(ad),
            "(&(&(objectCategory=person)(objectClass=user))"
            "(userAccountControl:1.2.840.113556.1.4.803:=2))");
}

TEST(AttributeMapping, TheDisabledFilterCanBeChosenPerConnection) {
  ConnectionSettings settings;
  settings.flavor = DirectoryFlavor::kActiveDirectory;
  settings.disabled_filter = "(employeeStatus=left)";
  settings.upn_attribute = "mail";
  auto m = connection_mapping(settings);
  EXPECT_EQ(m.disabled_filter, "(employeeStatus=left)");
  EXPECT_EQ(m.upn, "mail");
  EXPECT_EQ(m.anchor, "objectGUID");
  settings.disabled_filter = "";
  EXPECT_EQ(connection_mapping(settings).disabled_filter,
            default_disabled_filter(DirectoryFlavor::kActiveDirectory));
}

TEST(AttributeMapping, ObjectGuidIsShownAsActiveDirectoryShowsIt) {
  auto ad = default_mapping(DirectoryFlavor::kActiveDirectory);
  const std::string raw("\xe0\x04\x25\x3f\x89\x4f\xd3\x11\x9a\x0c\x03\x05\xe8\x2c\x33\x01", 16);
  EXPECT_EQ(anchor_text(ad, raw), "3f2504e0-4f89-11d3-9a0c-0305e82c3301");
  auto openldap = default_mapping(DirectoryFlavor::kOpenLdap);
  EXPECT_EQ(anchor_text(openldap, "5d1f6c1e-1d0a-103f-8f1e-9b2b5c7d7e10"),
            "5d1f6c1e-1d0a-103f-8f1e-9b2b5c7d7e10");
}

}  // namespace
}  // namespace sspr::domain::onprem
