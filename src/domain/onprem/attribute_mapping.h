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
//   disabled      (pwdAccountLockedTime=000001010000Z)
//   (userAccountControl:1.2.840.113556.1.4.803:=2) (a filter)    (ppolicy's permanent lock) (the
//   ACCOUNTDISABLE bit, by AD's
//                                                        bitwise-AND matching rule)
//
// The UPN attribute and the disabled filter can be chosen per connection (`sspr onprem set
// --upn-attribute uid --disabled-filter '(employeeStatus=left)'`). The directory evaluates the
// disabled filter: a sync lists the anchors of the users matching (&<user filter><disabled
// filter>) and marks exactly those disabled. Everything here is pure text: the LDAP adapter
// runs the filters it is given.

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
  std::string disabled_filter;  // users matching it are disabled
};

// The flavour's defaults; a non-empty `upn_attribute` replaces the default UPN attribute, a
// non-empty `disabled_filter` the flavour's disabled filter.
AttributeMapping default_mapping(DirectoryFlavor flavor, const std::string& upn_attribute = "",
                                 const std::string& disabled_filter = "");
// The mapping of a connection: its flavour's defaults with its overrides.
AttributeMapping connection_mapping(const ConnectionSettings& settings);

// The flavour's default disabled filter (the table above).
std::string default_disabled_filter(DirectoryFlavor flavor);

// The attributes to ask for: of users (every mapped one, the anchor and the watermark;
// operational attributes must be named), of groups, and the anchor alone (the cheap listings
// that find deletions and disabled users).
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

// The filter of the disabled users: (&<user filter><disabled filter>).
std::string disabled_users_filter(const AttributeMapping& mapping);

// The anchor as stored: entryUUID as it is; objectGUID's 16 bytes as the GUID text
// ("3f2504e0-4f89-11d3-9a0c-0305e82c3301", first three fields little-endian as AD shows them).
std::string anchor_text(const AttributeMapping& mapping, const std::string& raw);

}  // namespace sspr::domain::onprem
