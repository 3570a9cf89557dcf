#include "domain/onprem/attribute_mapping.h"

#include <algorithm>

#include "domain/onprem/ldap_filter_value.h"

namespace sspr::domain::onprem {

namespace {

// AD's userAccountControl has ACCOUNTDISABLE (2), by the LDAP_MATCHING_RULE_BIT_AND rule.
constexpr std::string_view kActiveDirectoryDisabled =
    "(userAccountControl:1.2.840.113556.1.4.803:=2)";
// ppolicy's value for "locked until an administrator unlocks it".
constexpr std::string_view kOpenLdapDisabled = "(pwdAccountLockedTime=000001010000Z)";

bool is_digits(const std::string& text) {
  return !text.empty() && std::all_of(text.begin(), text.end(),
                                      [](unsigned char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string default_disabled_filter(DirectoryFlavor flavor) {
  return std::string(flavor == DirectoryFlavor::kActiveDirectory ? kActiveDirectoryDisabled
                                                                 : kOpenLdapDisabled);
}

AttributeMapping default_mapping(DirectoryFlavor flavor, const std::string& upn_attribute,
                                 const std::string& disabled_filter) {
  AttributeMapping m;
  m.flavor = flavor;
  m.given_name = "givenName";
  m.surname = "sn";
  m.mail = "mail";
  m.mobile = "mobile";
  m.office_phone = "telephoneNumber";
  m.group_name = "cn";
  m.member = "member";
  if (flavor == DirectoryFlavor::kActiveDirectory) {
    m.user_filter = "(&(objectCategory=person)(objectClass=user))";
    m.group_filter = "(objectClass=group)";
    m.anchor = "objectGUID";
    m.upn = "userPrincipalName";
    m.display_name = "displayName";
    m.watermark = "uSNChanged";
  } else {
    m.user_filter = "(objectClass=inetOrgPerson)";
    m.group_filter = "(objectClass=groupOfNames)";
    m.anchor = "entryUUID";
    m.upn = "mail";
    m.display_name = "cn";
    m.watermark = "modifyTimestamp";
  }
  m.disabled_filter = disabled_filter.empty() ? default_disabled_filter(flavor) : disabled_filter;
  if (!upn_attribute.empty()) m.upn = upn_attribute;
  return m;
}

AttributeMapping connection_mapping(const ConnectionSettings& settings) {
  return default_mapping(settings.flavor, settings.upn_attribute, settings.disabled_filter);
}

std::vector<std::string> user_attributes(const AttributeMapping& m) {
  std::vector<std::string> out{m.anchor, m.upn,    m.display_name, m.given_name, m.surname,
                               m.mail,   m.mobile, m.office_phone, m.watermark};
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::string> group_attributes(const AttributeMapping& m) {
  return {m.anchor, m.group_name, m.member, m.watermark};
}

std::vector<std::string> anchor_attributes(const AttributeMapping& m) { return {m.anchor}; }

std::string changed_since(const std::string& filter, const AttributeMapping& m,
                          const std::string& watermark) {
  if (watermark.empty()) return filter;
  return "(&" + filter + "(" + m.watermark + ">=" + escaped_filter_value(watermark) + "))";
}

std::string later_watermark(const AttributeMapping& m, const std::string& a, const std::string& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  if (m.flavor == DirectoryFlavor::kActiveDirectory && is_digits(a) && is_digits(b)) {
    if (a.size() != b.size()) return a.size() > b.size() ? a : b;
  }
  return a < b ? b : a;
}

std::string disabled_users_filter(const AttributeMapping& m) {
  return "(&" + m.user_filter + m.disabled_filter + ")";
}

std::string anchor_text(const AttributeMapping& m, const std::string& raw) {
  if (m.flavor != DirectoryFlavor::kActiveDirectory || raw.size() != 16) return raw;
  static constexpr char kHex[] = "0123456789abcdef";
  // Data1 (4 bytes), Data2 (2), Data3 (2) little-endian; Data4 (8) as stored.
  static constexpr int kOrder[16] = {3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15};
  std::string out;
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    const auto byte = static_cast<unsigned char>(raw[static_cast<std::size_t>(kOrder[i])]);
    out += kHex[byte >> 4];
    out += kHex[byte & 0xF];
  }
  return out;
}

}  // namespace sspr::domain::onprem
