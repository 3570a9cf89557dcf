#include "domain/onprem/synced_objects.h"

#include <algorithm>

#include "domain/error.h"
#include "domain/group.h"
#include "domain/methods/email_address.h"
#include "domain/methods/phone_number.h"
#include "domain/user_principal_name.h"

namespace sspr::domain::onprem {

namespace {

std::string trimmed(std::string text) {
  const auto begin = text.find_first_not_of(" \t");
  if (begin == std::string::npos) return "";
  const auto end = text.find_last_not_of(" \t");
  return text.substr(begin, end - begin + 1);
}

Result<std::string> upn_of(const DirectoryEntry& entry, const AttributeMapping& mapping,
                           const std::vector<std::string>& tenant_domains) {
  std::string value = trimmed(entry.first(mapping.upn));
  if (value.empty()) {
    return errors::invalid_input(mapping.upn, "the entry has no " + mapping.upn + " for its UPN");
  }
  if (value.find('@') == std::string::npos) {
    if (tenant_domains.empty()) return errors::invalid_input("tenant", "the tenant has no domain");
    value += "@" + tenant_domains.front();
  }
  auto upn = UserPrincipalName::parse(value);
  if (!upn) return upn.error();
  const auto domain = upn->domain();
  if (std::find(tenant_domains.begin(), tenant_domains.end(), domain) == tenant_domains.end()) {
    return errors::invalid_input(mapping.upn,
                                 "UPN domain " + domain + " is not one of the tenant's domains");
  }
  return upn->str();
}

}  // namespace

Result<MappedUser> map_user(const DirectoryEntry& entry, const AttributeMapping& mapping,
                            const std::vector<std::string>& tenant_domains) {
  MappedUser out;
  auto& user = out.user;
  user.dn = entry.dn();
  user.anchor = anchor_text(mapping, entry.first(mapping.anchor));
  if (user.anchor.empty()) {
    return errors::invalid_input(mapping.anchor, "the entry has no " + mapping.anchor);
  }
  auto upn = upn_of(entry, mapping, tenant_domains);
  if (!upn) return upn.error();
  user.upn = *upn;
  user.display_name = trimmed(entry.first(mapping.display_name));
  user.given_name = trimmed(entry.first(mapping.given_name));
  user.surname = trimmed(entry.first(mapping.surname));
  if (user.display_name.empty()) {
    user.display_name = trimmed(user.given_name + " " + user.surname);
  }

  if (auto mail = trimmed(entry.first(mapping.mail)); !mail.empty()) {
    auto email = methods::parse_email_address(mail, mapping.mail);
    if (email) {
      user.email = email->value;
    } else {
      out.notes.push_back(mapping.mail + " dropped: " + email.error().technical);
    }
  }
  if (auto text = trimmed(entry.first(mapping.mobile)); !text.empty()) {
    auto phone = methods::parse_phone_number(text, mapping.mobile);
    if (!phone) {
      out.notes.push_back(mapping.mobile + " dropped: " + phone.error().technical);
    } else if (!phone->extension.empty()) {
      out.notes.push_back(mapping.mobile + " dropped: a mobile phone has no extension");
    } else {
      user.mobile_phone = phone->e164;
    }
  }
  if (auto text = trimmed(entry.first(mapping.office_phone)); !text.empty()) {
    auto phone = methods::parse_phone_number(text, mapping.office_phone);
    if (phone) {
      user.office_phone = phone->e164;
      user.office_extension = phone->extension;
    } else {
      out.notes.push_back(mapping.office_phone + " dropped: " + phone.error().technical);
    }
  }
  return out;
}

Result<SyncedGroup> map_group(const DirectoryEntry& entry, const AttributeMapping& mapping) {
  SyncedGroup group;
  group.dn = entry.dn();
  group.anchor = anchor_text(mapping, entry.first(mapping.anchor));
  if (group.anchor.empty()) {
    return errors::invalid_input(mapping.anchor, "the entry has no " + mapping.anchor);
  }
  group.name = trimmed(entry.first(mapping.group_name));
  if (auto valid = validate_group_name(group.name); !valid) return valid.error();
  for (const auto& member : entry.values(mapping.member)) {
    auto dn = normalized_dn(member);
    if (!dn.empty()) group.member_dns.push_back(std::move(dn));
  }
  std::sort(group.member_dns.begin(), group.member_dns.end());
  group.member_dns.erase(std::unique(group.member_dns.begin(), group.member_dns.end()),
                         group.member_dns.end());
  return group;
}

}  // namespace sspr::domain::onprem
