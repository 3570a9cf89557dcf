#include "flows/directory_access.h"

#include "domain/license_sku.h"
#include "domain/user_principal_name.h"

namespace sspr::flows::detail {

using domain::Result;
using domain::Status;
namespace errors = domain::errors;

Status require(const domain::Actor& actor, domain::Permission permission) {
  if (actor.may(permission)) return domain::ok_status();
  return errors::forbidden("the caller's role does not allow it to " +
                           std::string(domain::to_string(permission)));
}

Status require_tenant(const domain::Actor& actor, domain::TenantId tenant) {
  if (!actor.tenant || *actor.tenant == tenant) return domain::ok_status();
  return errors::forbidden("the caller may only act on its own tenant");
}

Status require_operator(const domain::Actor& actor) {
  if (!actor.tenant) return domain::ok_status();
  return errors::forbidden("only the server operator (sspr command line) may do this");
}

Result<domain::Tenant> find_tenant(store::StoreTransaction& tx, const domain::Actor& actor,
                                   domain::TenantId tenant) {
  auto found = tx.find_tenant(tenant);
  if (!found || (actor.tenant && *actor.tenant != tenant)) {
    return errors::not_found("tenant", std::to_string(tenant));
  }
  return *found;
}

Result<domain::User> find_user(store::StoreTransaction& tx, const domain::Actor& actor,
                               const std::string& upn) {
  auto parsed = domain::UserPrincipalName::parse(upn);
  if (!parsed) return parsed.error();
  auto found = tx.find_user_by_upn(parsed->str());
  if (!found || (actor.tenant && *actor.tenant != found->tenant_id)) {
    return errors::not_found("user", parsed->str());
  }
  return *found;
}

Result<domain::Group> find_group(store::StoreTransaction& tx, const domain::Actor& actor,
                                 domain::TenantId tenant, const std::string& name) {
  if (auto status = require_tenant(actor, tenant); !status) return status.error();
  auto found = tx.find_group_by_name(tenant, name);
  if (!found) return errors::not_found("group", name);
  return *found;
}

namespace {

// `found` when the actor holds `permission`, its error or Forbidden otherwise.
template <typename T>
Result<T> permitted(Result<T> found, const domain::Actor& actor, domain::Permission permission) {
  if (!found) return found;
  if (auto status = require(actor, permission); !status) return status.error();
  return found;
}

}  // namespace

Result<domain::Tenant> find_tenant(store::StoreTransaction& tx, const domain::Actor& actor,
                                   domain::TenantId tenant, domain::Permission permission) {
  return permitted(find_tenant(tx, actor, tenant), actor, permission);
}

Result<domain::User> find_user(store::StoreTransaction& tx, const domain::Actor& actor,
                               const std::string& upn, domain::Permission permission) {
  return permitted(find_user(tx, actor, upn), actor, permission);
}

Result<domain::Group> find_group(store::StoreTransaction& tx, const domain::Actor& actor,
                                 domain::TenantId tenant, const std::string& name,
                                 domain::Permission permission) {
  return permitted(find_group(tx, actor, tenant, name), actor, permission);
}

UserDetails user_details(store::StoreTransaction& tx, const domain::User& user) {
  UserDetails details;
  details.user = user;
  if (auto tenant = tx.find_tenant(user.tenant_id)) details.tenant_name = tenant->name;
  for (const auto& group : tx.transitive_groups_of_user(user.id)) {
    details.groups.push_back(group.name);
  }
  details.licenses = tx.effective_skus_of_user(user.id);
  details.roles = tx.roles_of_user(user.id);
  details.is_administrator = !details.roles.empty();
  details.licensed_for_sspr = domain::grants_sspr(details.licenses, user.source);
  return details;
}

GroupDetails group_details(store::StoreTransaction& tx, const domain::Group& group) {
  GroupDetails details;
  details.group = group;
  details.members = tx.list_members(group.id);
  for (const auto& assignment : tx.list_license_assignments(group.tenant_id)) {
    if (assignment.assignee_kind == "group" && assignment.assignee == group.name) {
      details.licenses.push_back(assignment.sku);
    }
  }
  return details;
}

void AuditWriter::write(store::StoreTransaction& tx, domain::TenantId tenant,
                        std::string_view category, std::string_view activity,
                        const std::string& target, nlohmann::json details) const {
  domain::AuditEvent event;
  const auto now = clock.now();
  event.id = random.time_ordered_uuid(now);
  event.time = domain::to_iso8601(now);
  event.tenant_id = tenant;
  event.category = category;
  event.activity = activity;
  event.actor = actor.name;
  event.target = target;
  event.correlation_id = ctx.correlation_id;
  event.client_ip = ctx.client_ip;
  event.details = std::move(details);
  tx.append_audit(event);
}

}  // namespace sspr::flows::detail
