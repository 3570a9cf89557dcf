// Groups and their (nested) membership.
#include "domain/policy/policy_refusal.h"
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

std::string_view kind_name(domain::MemberKind kind) {
  return kind == domain::MemberKind::kUser ? "user" : "group";
}

struct ResolvedMember {
  std::int64_t id = 0;
  std::string name;  // UPN or group name as stored
};

// A prospective or current member named by an administrator: a user of this tenant (by UPN)
// or a group of this tenant (by name).
Result<ResolvedMember> resolve_member(store::StoreTransaction& tx, const domain::Actor& actor,
                                      domain::TenantId tenant, domain::MemberKind kind,
                                      const std::string& member) {
  if (kind == domain::MemberKind::kUser) {
    auto user = detail::find_user(tx, actor, member);
    if (!user || user->tenant_id != tenant) return errors::not_found("user", member);
    return ResolvedMember{user->id, user->upn};
  }
  auto group = tx.find_group_by_name(tenant, member);
  if (!group) return errors::not_found("group", member);
  return ResolvedMember{group->id, group->name};
}

}  // namespace

Result<GroupDetails> DirectoryAdministration::create_group(const domain::Actor& actor,
                                                           const domain::RequestContext& ctx,
                                                           domain::TenantId tenant,
                                                           const std::string& name,
                                                           const std::string& description) {
  if (auto status = domain::validate_group_name(name); !status) return status.error();
  if (description.size() > 1024) {
    return errors::invalid_input("description", "is longer than 1024 characters");
  }
  return in_transaction<GroupDetails>(
      store_, [&](store::StoreTransaction& tx) -> Result<GroupDetails> {
        auto found = detail::find_tenant(tx, actor, tenant, Permission::kManageGroups);
        if (!found) return found.error();
        if (tx.find_group_by_name(tenant, name)) return errors::already_exists("group", name);
        domain::Group group;
        group.tenant_id = tenant;
        group.name = name;
        group.description = description;
        group.id = tx.insert_group(group, domain::to_iso8601(clock_.now()));
        detail::AuditWriter{clock_, random_, actor, ctx}.write(
            tx, tenant, category::kGroupManagement, activity::kAddGroup, name);
        return detail::group_details(tx, *tx.find_group(group.id));
      });
}

Result<GroupDetails> DirectoryAdministration::group(const domain::Actor& actor,
                                                    domain::TenantId tenant,
                                                    const std::string& name) {
  return in_transaction<GroupDetails>(
      store_, [&](store::StoreTransaction& tx) -> Result<GroupDetails> {
        auto found = detail::find_group(tx, actor, tenant, name, Permission::kReadDirectory);
        if (!found) return found.error();
        return detail::group_details(tx, *found);
      });
}

Result<std::vector<domain::Group>> DirectoryAdministration::list_groups(const domain::Actor& actor,
                                                                        domain::TenantId tenant) {
  return in_transaction<std::vector<domain::Group>>(
      store_, [&](store::StoreTransaction& tx) -> Result<std::vector<domain::Group>> {
        auto found = detail::find_tenant(tx, actor, tenant, Permission::kReadDirectory);
        if (!found) return found.error();
        return tx.list_groups(tenant);
      });
}

Status DirectoryAdministration::delete_group(const domain::Actor& actor,
                                             const domain::RequestContext& ctx,
                                             domain::TenantId tenant, const std::string& name) {
  return store_.transact([&](store::StoreTransaction& tx) -> Status {
    auto found = detail::find_group(tx, actor, tenant, name, Permission::kManageGroups);
    if (!found) return found.error();
    if (auto sspr = tx.find_sspr_policy(tenant);
        sspr && sspr->enabled == domain::policy::SsprEnabled::kSelected &&
        sspr->group_id == found->id) {
      return domain::policy::scope_group_in_use(found->name);
    }
    tx.delete_group(found->id);
    detail::AuditWriter{clock_, random_, actor, ctx}.write(tx, tenant, category::kGroupManagement,
                                                           activity::kDeleteGroup, found->name);
    return domain::ok_status();
  });
}

Result<GroupDetails> DirectoryAdministration::add_member(
    const domain::Actor& actor, const domain::RequestContext& ctx, domain::TenantId tenant,
    const std::string& group, domain::MemberKind kind, const std::string& member) {
  return in_transaction<GroupDetails>(
      store_, [&](store::StoreTransaction& tx) -> Result<GroupDetails> {
        auto target = detail::find_group(tx, actor, tenant, group, Permission::kManageGroups);
        if (!target) return target.error();
        auto resolved = resolve_member(tx, actor, tenant, kind, member);
        if (!resolved) return resolved.error();
        const auto& [member_id, member_name] = *resolved;
        if (kind == domain::MemberKind::kGroup && member_id == target->id) {
          return errors::invalid_input("group", "a group cannot be a member of itself");
        }
        if (!tx.add_member(target->id, kind, member_id)) {
          return errors::already_exists(std::string(kind_name(kind)) + " membership",
                                        member_name + " in " + target->name);
        }
        detail::AuditWriter{clock_, random_, actor, ctx}.write(
            tx, tenant, category::kGroupManagement, activity::kAddMember, target->name,
            {{"member_type", kind_name(kind)}, {"member", member_name}});
        return detail::group_details(tx, *target);
      });
}

Result<GroupDetails> DirectoryAdministration::remove_member(
    const domain::Actor& actor, const domain::RequestContext& ctx, domain::TenantId tenant,
    const std::string& group, domain::MemberKind kind, const std::string& member) {
  return in_transaction<GroupDetails>(
      store_, [&](store::StoreTransaction& tx) -> Result<GroupDetails> {
        auto target = detail::find_group(tx, actor, tenant, group, Permission::kManageGroups);
        if (!target) return target.error();
        auto resolved = resolve_member(tx, actor, tenant, kind, member);
        if (!resolved) return resolved.error();
        const auto& [member_id, member_name] = *resolved;
        if (!tx.remove_member(target->id, kind, member_id)) {
          return errors::not_found(std::string(kind_name(kind)) + " membership",
                                   member_name + " in " + target->name);
        }
        detail::AuditWriter{clock_, random_, actor, ctx}.write(
            tx, tenant, category::kGroupManagement, activity::kRemoveMember, target->name,
            {{"member_type", kind_name(kind)}, {"member", member_name}});
        return detail::group_details(tx, *target);
      });
}

}  // namespace sspr::flows
