#pragma once
// One audit record (SPEC §11). Audit records are append-only and never carry a secret:
// no password, answer, code, token or full phone number in any field, details included.

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "domain/tenant.h"

namespace sspr::domain {

namespace audit_category {
inline constexpr std::string_view kSelfService = "Self-service password management";
inline constexpr std::string_view kUserManagement = "User management";
inline constexpr std::string_view kGroupManagement = "Group management";
inline constexpr std::string_view kRoleManagement = "Role management";
inline constexpr std::string_view kDirectoryManagement = "Directory management";
inline constexpr std::string_view kPolicy = "Policy";
}  // namespace audit_category

namespace audit_activity {
// Self-service password management (SPEC §11).
inline constexpr std::string_view kBlocked = "Blocked from self-service password reset";
inline constexpr std::string_view kChangePassword = "Change password (self-service)";
inline constexpr std::string_view kResetByAdmin = "Reset password (by admin)";
inline constexpr std::string_view kResetSelfService = "Reset password (self-service)";
inline constexpr std::string_view kFlowProgress =
    "Self-service password reset flow activity progress";
inline constexpr std::string_view kUnlockSelfService = "Unlock user account (self-service)";
inline constexpr std::string_view kRegistered = "User registered for self-service password reset";
inline constexpr std::string_view kSignIn = "Sign in (self-service)";
inline constexpr std::string_view kSignOut = "Sign out (self-service)";
// Security info (SPEC §3, §11): one event per data set saved or removed, the reconfirm
// prompt's "looks good", and a verification code that could not be delivered (SPEC §10).
inline constexpr std::string_view kSecurityInfoSaved = "User registered security info";
inline constexpr std::string_view kSecurityInfoRemoved = "User deleted security info";
inline constexpr std::string_view kSecurityInfoReviewed = "User reviewed security info";
inline constexpr std::string_view kDeliverVerificationCode = "Deliver verification code";
// Directory administration.
inline constexpr std::string_view kCreateTenant = "Create tenant";
inline constexpr std::string_view kAddDomain = "Add domain";
inline constexpr std::string_view kAddUser = "Add user";
inline constexpr std::string_view kUpdateUser = "Update user";
inline constexpr std::string_view kDeleteUser = "Delete user";
// Written by versions before administrators' resets were recorded as kResetByAdmin; still read
// by the usage report so older records count.
inline constexpr std::string_view kSetPassword = "Set password (by admin)";
inline constexpr std::string_view kAddGroup = "Add group";
inline constexpr std::string_view kDeleteGroup = "Delete group";
inline constexpr std::string_view kAddMember = "Add member to group";
inline constexpr std::string_view kRemoveMember = "Remove member from group";
inline constexpr std::string_view kAddSubscription = "Add licence subscription";
inline constexpr std::string_view kAssignLicense = "Change user license";
inline constexpr std::string_view kAssignGroupLicense = "Add license to group";
inline constexpr std::string_view kRemoveLicense = "Remove license";
inline constexpr std::string_view kAddRole = "Add member to role";
inline constexpr std::string_view kRemoveRole = "Remove member from role";
inline constexpr std::string_view kCreateToken = "Create API token";
inline constexpr std::string_view kRevokeToken = "Revoke API token";
inline constexpr std::string_view kAddBannedTerms = "Add banned password terms";
inline constexpr std::string_view kRemoveBannedTerms = "Remove banned password terms";
inline constexpr std::string_view kUpdateSsprPolicy = "Update self-service password reset policy";
// Authentication methods set or removed by an administrator (pre-population, SPEC §3).
inline constexpr std::string_view kAdminRegisteredMethod = "Admin registered security info";
inline constexpr std::string_view kAdminDeletedMethod = "Admin deleted security info";
inline constexpr std::string_view kAddCustomQuestion = "Add custom security question";
inline constexpr std::string_view kRemoveCustomQuestion = "Remove custom security question";
// On-premises directory connection (SPEC §9).
inline constexpr std::string_view kSetOnPremisesConnection = "Set on-premises connection";
inline constexpr std::string_view kTestOnPremisesConnection = "Test on-premises connection";
inline constexpr std::string_view kSyncFromOnPremises = "Synchronize from on-premises directory";
inline constexpr std::string_view kDeleteOnPremisesConnection = "Delete on-premises connection";
}  // namespace audit_activity

struct AuditEvent {
  std::string id;    // UUID
  std::string time;  // ISO 8601 UTC with milliseconds
  TenantId tenant_id = 0;
  std::string category;
  std::string activity;
  std::string actor;               // "cli", "token:<name>", or a UPN
  std::string target;              // UPN, group name, domain, ...
  std::string result = "success";  // "success" | "failure"
  std::string result_reason;       // error name on failure, e.g. "UserNotLicensed"
  std::string correlation_id;
  std::string support_code;
  std::string client_ip;
  nlohmann::json details = nlohmann::json::object();
  long long seq = 0;  // the store's order (keyset paging cursor); 0 until stored
};

}  // namespace sspr::domain
