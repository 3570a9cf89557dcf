#include "domain/admin_role.h"

#include <array>

namespace sspr::domain {
namespace {

constexpr unsigned bits(std::initializer_list<Permission> permissions) {
  unsigned out = 0;
  for (auto p : permissions) out |= static_cast<unsigned>(p);
  return out;
}

using P = Permission;
constexpr unsigned kRead = bits({P::kReadDirectory});
constexpr unsigned kAll = 0x7ffu;

constexpr std::array kRoles = {
    AdminRole{"global-administrator", "Global Administrator", kAll},
    AdminRole{"privileged-role-administrator", "Privileged Role Administrator",
              bits({P::kReadDirectory, P::kManageRoles, P::kReadAudit})},
    AdminRole{"privileged-authentication-administrator", "Privileged Authentication Administrator",
              bits({P::kReadDirectory, P::kResetPasswords, P::kResetAdminPasswords,
                    P::kManageAuthMethods, P::kReadAudit})},
    AdminRole{"authentication-administrator", "Authentication Administrator",
              bits({P::kReadDirectory, P::kResetPasswords, P::kManageAuthMethods, P::kReadAudit})},
    AdminRole{"user-administrator", "User Administrator",
              bits({P::kReadDirectory, P::kManageUsers, P::kManageGroups, P::kManageLicenses,
                    P::kResetPasswords, P::kReadAudit})},
    AdminRole{"helpdesk-administrator", "Helpdesk Administrator",
              bits({P::kReadDirectory, P::kResetPasswords, P::kReadAudit})},
    AdminRole{"password-administrator", "Password Administrator",
              bits({P::kReadDirectory, P::kResetPasswords})},
    AdminRole{"security-administrator", "Security Administrator",
              bits({P::kReadDirectory, P::kManagePolicy, P::kReadAudit})},
    AdminRole{"conditional-access-administrator", "Conditional Access Administrator",
              bits({P::kReadDirectory, P::kManagePolicy})},
    AdminRole{"compliance-administrator", "Compliance Administrator",
              bits({P::kReadDirectory, P::kReadAudit})},
    AdminRole{"groups-administrator", "Groups Administrator",
              bits({P::kReadDirectory, P::kManageGroups})},
    AdminRole{"license-administrator", "License Administrator",
              bits({P::kReadDirectory, P::kManageLicenses})},
    AdminRole{"billing-administrator", "Billing Administrator", kRead},
    AdminRole{"application-administrator", "Application Administrator", kRead},
    AdminRole{"cloud-application-administrator", "Cloud Application Administrator", kRead},
    AdminRole{"directory-writers", "Directory Writers",
              bits({P::kReadDirectory, P::kManageUsers, P::kManageGroups})},
    AdminRole{"directory-synchronization-accounts", "Directory Synchronization Accounts",
              bits({P::kReadDirectory, P::kManageUsers, P::kManageGroups})},
    AdminRole{"exchange-administrator", "Exchange Administrator", kRead},
    AdminRole{"mailbox-administrator", "Mailbox Administrator", kRead},
    AdminRole{"sharepoint-administrator", "SharePoint Administrator", kRead},
    AdminRole{"teams-administrator", "Teams Administrator", kRead},
    AdminRole{"teams-communications-administrator", "Teams Communications Administrator", kRead},
    AdminRole{"teams-devices-administrator", "Teams Devices Administrator", kRead},
    AdminRole{"skype-for-business-administrator", "Skype for Business Administrator", kRead},
    AdminRole{"intune-administrator", "Intune Administrator", kRead},
    AdminRole{"cloud-device-administrator", "Cloud Device Administrator", kRead},
    AdminRole{"power-bi-administrator", "Power BI Administrator", kRead},
    AdminRole{"dynamics-365-administrator", "Dynamics 365 Administrator", kRead},
    AdminRole{"service-support-administrator", "Service Support Administrator", kRead},
    AdminRole{"partner-tier1-support", "Partner Tier1 Support", kRead},
    AdminRole{"partner-tier2-support", "Partner Tier2 Support", kRead},
};

}  // namespace

std::span<const AdminRole> all_admin_roles() { return kRoles; }

std::optional<AdminRole> find_admin_role(std::string_view id) {
  for (const auto& role : kRoles) {
    if (role.id == id) return role;
  }
  return std::nullopt;
}

std::string_view to_string(Permission permission) {
  switch (permission) {
    case P::kReadDirectory:
      return "read the directory";
    case P::kManageTenant:
      return "manage the tenant";
    case P::kManageUsers:
      return "manage users";
    case P::kManageGroups:
      return "manage groups";
    case P::kManageLicenses:
      return "manage licences";
    case P::kManageRoles:
      return "manage administrator roles";
    case P::kManagePolicy:
      return "manage policies";
    case P::kResetPasswords:
      return "reset passwords";
    case P::kResetAdminPasswords:
      return "reset administrators' passwords";
    case P::kManageAuthMethods:
      return "manage authentication methods";
    case P::kReadAudit:
      return "read the audit log";
  }
  return "?";
}

}  // namespace sspr::domain
