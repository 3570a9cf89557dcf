#pragma once
// Directory entries as the users and groups a sync keeps (SPEC §1, §3, §9): the pure mapping
// of one entry through an AttributeMapping.
//
// A user needs an anchor and a UPN; the UPN comes from mapping.upn (a value without '@' gets
// "@" + the tenant's first domain, so `uid` works as the UPN attribute) and must parse as a
// UPN in one of the tenant's domains (a directory cannot claim accounts of another tenant).
// Phones are taken when libphonenumber accepts them in international form (a mobile number
// with an extension is not taken); an unusable phone or mail is dropped with a note, the user
// is still synced. A group needs an anchor and a valid name; its members are DNs. A mapped
// user is enabled: whether it is disabled is the directory's answer to the mapping's disabled
// filter, which the sync asks separately (attribute_mapping.h).

#include <string>
#include <vector>

#include "domain/onprem/attribute_mapping.h"
#include "domain/onprem/directory_entry.h"
#include "domain/result.h"

namespace sspr::domain::onprem {

struct SyncedUser {
  std::string anchor;  // entryUUID / objectGUID text
  std::string dn;      // kept as onprem_id: the entry the writeback addresses
  std::string upn;     // lower case
  std::string display_name;
  std::string given_name;
  std::string surname;
  std::string email;  // primary email and the pre-populated alternate email; "" = none
  bool enabled = true;
  std::string mobile_phone;  // E.164, "" = none
  std::string office_phone;  // E.164, "" = none
  std::string office_extension;

  friend bool operator==(const SyncedUser&, const SyncedUser&) = default;
};

struct SyncedGroup {
  std::string anchor;
  std::string dn;
  std::string name;
  std::vector<std::string> member_dns;  // as normalized_dn()
};

struct MappedUser {
  SyncedUser user;
  std::vector<std::string> notes;  // values that were dropped, and why (no secrets in them)
};

Result<MappedUser> map_user(const DirectoryEntry& entry, const AttributeMapping& mapping,
                            const std::vector<std::string>& tenant_domains);
Result<SyncedGroup> map_group(const DirectoryEntry& entry, const AttributeMapping& mapping);

}  // namespace sspr::domain::onprem
