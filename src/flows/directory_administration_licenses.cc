// Licence subscriptions and assignments, and administrator roles.
#include "domain/license_sku.h"
#include "flows/directory_access.h"
#include "flows/directory_administration.h"
#include "flows/in_transaction.h"

namespace sspr::flows {

using domain::Permission;
using domain::Result;
using domain::Status;
namespace errors = domain::errors;
namespace activity = domain::audit_activity;
namespace category = domain::audit_category;

namespace {

Status check_sku(const std::string& sku) {
  if (!domain::find_license_sku(sku)) return errors::unknown_sku(sku);
  return domain::ok_status();
}

// Called after an assignment inside its transaction: a subscription is created on first use
// (without a seat limit), and an assignment that takes more seats than bought is refused,
// which rolls the assignment back.
Status settle_seats(store::StoreTransaction& tx, domain::TenantId tenant, const std::string& sku) {
  auto subscription = tx.find_subscription(tenant, sku);
  if (!subscription) {
    tx.upsert_subscription(tenant, sku, std::nullopt);
    return domain::ok_status();
  }
  if (subscription->seats && tx.count_license_holders(tenant, sku) > *subscription->seats) {
    return errors::no_seats(sku, *subscription->seats);
  }
  return domain::ok_status();
}

}  // namespace

Result<domain::Subscription> DirectoryAdministration::add_subscription(
    const domain::Actor& actor, const domain::RequestContext& ctx, domain::TenantId tenant,
    const std::string& sku, std::optional<int> seats) {
  if (auto status = check_sku(sku); !status) return status.error();
  if (seats && (*seats < 0 || *seats > 10'000'000)) {
    return errors::invalid_input("seats", "must be between 0 and 10000000");
  }
  return in_transaction<
      domain::
          Subscription>(store_, [&](store::StoreTransaction& tx) -> Result<domain::Subscription> {
    auto found = detail::find_tenant(tx, actor, tenant, Permission::kManageLicenses);
    if (!found) return found.error();
    const auto before = tx.find_subscription(tenant, sku);
    if (seats && tx.count_license_holders(tenant, sku) > *seats) {
      return errors::invalid_input(
          "seats", "fewer than the " + std::to_string(tx.count_license_holders(tenant, sku)) +
                       " users already holding " + sku);
    }
    tx.upsert_subscription(tenant, sku, seats);
    nlohmann::json details = {{"sku", sku}, {"seats", seats ? nlohmann::json(*seats) : nullptr}};
    if (before) {
      details["previous_seats"] = before->seats ? nlohmann::json(*before->seats) : nullptr;
    }
    detail::AuditWriter{clock_, random_, actor, ctx}.write(
        tx, tenant, category::kDirectoryManagement, activity::kAddSubscription, sku, details);
    return *tx.find_subscription(tenant, sku);
  });
}

Result<std::vector<domain::Subscription>> DirectoryAdministration::list_subscriptions(
    const domain::Actor& actor, domain::TenantId tenant) {
  return in_transaction<std::vector<domain::Subscription>>(
      store_, [&](store::StoreTransaction& tx) -> Result<std::vector<domain::Subscription>> {
        auto found = detail::find_tenant(tx, actor, tenant, Permission::kReadDirectory);
        if (!found) return found.error();
        return tx.list_subscriptions(tenant);
      });
}

Result<UserDetails> DirectoryAdministration::assign_license_to_user(
    const domain::Actor& actor, const domain::RequestContext& ctx, const std::string& upn,
    const std::string& sku) {
  if (auto status = check_sku(sku); !status) return status.error();
  return in_transaction<UserDetails>(
      store_, [&](store::StoreTransaction& tx) -> Result<UserDetails> {
        auto user = detail::find_user(tx, actor, upn, Permission::kManageLicenses);
        if (!user) return user.error();
        if (!tx.assign_license_to_user(user->id, sku)) {
          return errors::already_exists("licence assignment", sku + " for " + user->upn);
        }
        if (auto status = settle_seats(tx, user->tenant_id, sku); !status) return status.error();
        detail::AuditWriter{clock_, random_, actor, ctx}.write(
            tx, user->tenant_id, category::kUserManagement, activity::kAssignLicense, user->upn,
            {{"added", sku}});
        return detail::user_details(tx, *user);
      });
}

Result<GroupDetails> DirectoryAdministration::assign_license_to_group(
    const domain::Actor& actor, const domain::RequestContext& ctx, domain::TenantId tenant,
    const std::string& group, const std::string& sku) {
  if (auto status = check_sku(sku); !status) return status.error();
  return in_transaction<GroupDetails>(
      store_, [&](store::StoreTransaction& tx) -> Result<GroupDetails> {
        auto target = detail::find_group(tx, actor, tenant, group, Permission::kManageLicenses);
        if (!target) return target.error();
        if (!tx.assign_license_to_group(target->id, sku)) {
          return errors::already_exists("licence assignment", sku + " for " + target->name);
        }
        if (auto status = settle_seats(tx, tenant, sku); !status) return status.error();
        detail::AuditWriter{clock_, random_, actor, ctx}.write(
            tx, tenant, category::kGroupManagement, activity::kAssignGroupLicense, target->name,
            {{"added", sku}});
        return detail::group_details(tx, *target);
      });
}

Result<UserDetails> DirectoryAdministration::remove_license_from_user(
    const domain::Actor& actor, const domain::RequestContext& ctx, const std::string& upn,
    const std::string& sku) {
  if (auto status = check_sku(sku); !status) return status.error();
  return in_transaction<UserDetails>(
      store_, [&](store::StoreTransaction& tx) -> Result<UserDetails> {
        auto user = detail::find_user(tx, actor, upn, Permission::kManageLicenses);
        if (!user) return user.error();
        if (!tx.remove_license_from_user(user->id, sku)) {
          return errors::not_found("licence assignment", sku + " for " + user->upn);
        }
        detail::AuditWriter{clock_, random_, actor, ctx}.write(
            tx, user->tenant_id, category::kUserManagement, activity::kRemoveLicense, user->upn,
            {{"removed", sku}});
        return detail::user_details(tx, *user);
      });
}

Result<GroupDetails> DirectoryAdministration::remove_license_from_group(
    const domain::Actor& actor, const domain::RequestContext& ctx, domain::TenantId tenant,
    const std::string& group, const std::string& sku) {
  if (auto status = check_sku(sku); !status) return status.error();
  return in_transaction<GroupDetails>(
      store_, [&](store::StoreTransaction& tx) -> Result<GroupDetails> {
        auto target = detail::find_group(tx, actor, tenant, group, Permission::kManageLicenses);
        if (!target) return target.error();
        if (!tx.remove_license_from_group(target->id, sku)) {
          return errors::not_found("licence assignment", sku + " for " + target->name);
        }
        detail::AuditWriter{clock_, random_, actor, ctx}.write(
            tx, tenant, category::kGroupManagement, activity::kRemoveLicense, target->name,
            {{"removed", sku}});
        return detail::group_details(tx, *target);
      });
}

Result<std::vector<std::pair<std::string, std::string>>> DirectoryAdministration::role_assignments(
    const domain::Actor& actor, domain::TenantId tenant) {
  using Pairs = std::vector<std::pair<std::string, std::string>>;
  return in_transaction<Pairs>(store_, [&](store::StoreTransaction& tx) -> Result<Pairs> {
    auto found = detail::find_tenant(tx, actor, tenant, Permission::kReadDirectory);
    if (!found) return found.error();
    return tx.list_role_assignments(tenant);
  });
}

Result<UserDetails> DirectoryAdministration::assign_role(const domain::Actor& actor,
                                                         const domain::RequestContext& ctx,
                                                         const std::string& upn,
                                                         const std::string& role) {
  if (!domain::find_admin_role(role)) return errors::unknown_role(role);
  return in_transaction<UserDetails>(
      store_, [&](store::StoreTransaction& tx) -> Result<UserDetails> {
        auto user = detail::find_user(tx, actor, upn, Permission::kManageRoles);
        if (!user) return user.error();
        if (!tx.assign_role(user->id, role)) {
          return errors::already_exists("role assignment", role + " for " + user->upn);
        }
        detail::AuditWriter{clock_, random_, actor, ctx}.write(
            tx, user->tenant_id, category::kRoleManagement, activity::kAddRole, user->upn,
            {{"role", role}});
        return detail::user_details(tx, *user);
      });
}

Result<UserDetails> DirectoryAdministration::remove_role(const domain::Actor& actor,
                                                         const domain::RequestContext& ctx,
                                                         const std::string& upn,
                                                         const std::string& role) {
  if (!domain::find_admin_role(role)) return errors::unknown_role(role);
  return in_transaction<UserDetails>(
      store_, [&](store::StoreTransaction& tx) -> Result<UserDetails> {
        auto user = detail::find_user(tx, actor, upn, Permission::kManageRoles);
        if (!user) return user.error();
        if (!tx.remove_role(user->id, role)) {
          return errors::not_found("role assignment", role + " for " + user->upn);
        }
        detail::AuditWriter{clock_, random_, actor, ctx}.write(
            tx, user->tenant_id, category::kRoleManagement, activity::kRemoveRole, user->upn,
            {{"role", role}});
        return detail::user_details(tx, *user);
      });
}

}  // namespace sspr::flows
