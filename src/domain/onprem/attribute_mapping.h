#pragma once
// Which LDAP attributes a sync reads, per directory flavour (SPEC §9, issue 6). The defaults:
//
//                 openldap                              active_directory
//   users         (objectClass=inetOrgPerson) (&(objectCategory=person)(objectClass=user)) groups
//   (objectClass=groupOfNames)            (objectClass=group) anchor        entryUUID objectGUID
//   (binary, shown as a GUID) UPN           mail (a value without '@' gets        userPrincipalName
//                 "@" + the tenant's first domain)
//   names         cn / givenName / sn                   displayName / givenName / sn
//   methods       mail → email, mobile → mobile phone, telephoneNumber → office phone (both)
//   group name    cn                                    cn
//   members       member (DNs of users and groups)      member
//   watermark     modifyTimestamp (generalized time)    uSNChanged (integer)
//   disabled      pwdAccountLockedTime = 000001010000Z  userAccountControl has bit 2
//                 (ppolicy's permanent lock)            (ACCOUNTDISABLE)
//
// The UPN attribute can be chosen per connection (`sspr onprem set --upn-attribute uid`).
// Everything here is pure text: the LDAP adapter runs the filters it is given.

#include <string>
#include <vector>

#include "domain/onprem/connection_settings.h"

namespace sspr::domain::onprem {

struct AttributeMapping {
  DirectoryFlavor flavor = DirectoryFlavor::kOpenLdap;
  std::string user_filter;
  std::string group_filter;
  std::string anchor;
  std::string upn;
  std::string display_name;
  std::string given_name;
  std::string surname;
  std::string mail;
  std::string mobile;
  std::string office_phone;
  std::string group_name;
  std::string member;
  std::string watermark;
  std::string disabled;  // pwdAccountLockedTime or userAccountControl
};

// The flavour's defaults; a non-empty `upn_attribute` replaces the default UPN attribute.
AttributeMapping default_mapping(DirectoryFlavor flavor, const std::string& upn_attribute = "");

// The attributes to ask for: of users (every mapped one, the anchor, the watermark and the
// disabled marker; operational attributes must be named), of groups, and the anchor alone
// (the cheap listing that finds deletions).
std::vector<std::string> user_attributes(const AttributeMapping& mapping);
std::vector<std::string> group_attributes(const AttributeMapping& mapping);
std::vector<std::string> anchor_attributes(const AttributeMapping& mapping);

// `filter` narrowed to entries changed at or after `watermark` ("" = no narrowing): OpenLDAP
// (modifyTimestamp>=W), Active Directory (uSNChanged>=W). Entries at the watermark itself are
// read again (harmless: unchanged entries change nothing), so none changed in the same second
// as the last run is missed.
std::string changed_since(const std::string& filter, const AttributeMapping& mapping,
                          const std::string& watermark);

// The later of two watermarks of the mapping's kind ("" is the earliest): generalized times
// compare as text of equal form, uSNChanged as numbers.
std::string later_watermark(const AttributeMapping& mapping, const std::string& a,
                            const std::string& b);

// Whether an entry's value of mapping.disabled says the account is disabled.
bool disabled_marker(const AttributeMapping& mapping, const std::vector<std::string>& values);

// The anchor as stored: entryUUID as it is; objectGUID's 16 bytes as the GUID text
// ("3f2504e0-4f89-11d3-9a0c-0305e82c3301", first three fields little-endian as AD shows them).
std::string anchor_text(const AttributeMapping& mapping, const std::string& raw);

}  // namespace sspr::domain::onprem
