#pragma once
// The administrator roles, in one place. Holding any of them makes a user an administrator
// for the administrators' reset policy (SPEC §6). Each role grants permissions on the admin
// API; API tokens act with the permissions of their role.

#include <optional>
#include <span>
#include <string_view>

namespace sspr::domain {

enum class Permission : unsigned {
  kReadDirectory = 1u << 0,        // tenant, users, groups, licences, roles
  kManageTenant = 1u << 1,         // domains, branding
  kManageUsers = 1u << 2,          // create, change, delete users
  kManageGroups = 1u << 3,         // create groups, change membership
  kManageLicenses = 1u << 4,       // subscriptions and assignments
  kManageRoles = 1u << 5,          // assign and remove administrator roles
  kManagePolicy = 1u << 6,         // SSPR policy, password protection, on-premises connection
  kResetPasswords = 1u << 7,       // reset passwords of non-administrators
  kResetAdminPasswords = 1u << 8,  // reset passwords of administrators too
  kManageAuthMethods = 1u << 9,    // pre-populate phone and email
  kReadAudit = 1u << 10,           // audit log, reports, diagnose
};

struct AdminRole {
  std::string_view id;            // "global-administrator"
  std::string_view display_name;  // "Global Administrator"
  unsigned permissions;           // Permission bits
};

// Every role, in a stable order.
std::span<const AdminRole> all_admin_roles();

// The role with this id (case-sensitive slug), or nullopt.
std::optional<AdminRole> find_admin_role(std::string_view id);

inline bool grants(const AdminRole& role, Permission permission) {
  return (role.permissions & static_cast<unsigned>(permission)) != 0;
}

std::string_view to_string(Permission permission);

}  // namespace sspr::domain
