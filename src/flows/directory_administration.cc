// Tenants and domains. Users, groups, licences, roles and tokens are in the
// directory_administration_*.cc files beside this one.
#include "flows/directory_administration.h"

#include "domain/user_principal_name.h"
#include "flows/directory_access.h"
#include "flows/in_transaction.h"

namespace sspr::flows {

using domain::Result;
using domain::Tenant;
namespace errors = domain::errors;
namespace activity = domain::audit_activity;
namespace category = domain::audit_category;

DirectoryAdministration::DirectoryAdministration(
    store::Store& store, const domain::Clock& clock, domain::Random& random,
    const domain::PasswordHasher& hasher, const domain::password::BreachedPasswordList* breached)
    : store_(store), clock_(clock), random_(random), hasher_(hasher), password_rules_(breached) {}

Result<Tenant> DirectoryAdministration::create_tenant(const domain::Actor& actor,
                                                      const domain::RequestContext& ctx,
                                                      const std::string& name,
                                                      const std::string& domain) {
  if (auto status = detail::require_operator(actor); !status) return status.error();
  if (name.empty() || name.size() > 256) {
    return errors::invalid_input("name", "must be 1 to 256 characters");
  }
  auto parsed = domain::parse_domain_name(domain);
  if (!parsed) return parsed.error();
  return in_transaction<Tenant>(store_, [&](store::StoreTransaction& tx) -> Result<Tenant> {
    if (tx.tenant_of_domain(*parsed)) return errors::already_exists("domain", *parsed);
    const auto id = tx.insert_tenant(name, domain::to_iso8601(clock_.now()));
    tx.insert_domain(id, *parsed);
    detail::AuditWriter{clock_, random_, actor, ctx}.write(
        tx, id, category::kDirectoryManagement, activity::kCreateTenant, *parsed, {{"name", name}});
    return *tx.find_tenant(id);
  });
}

Result<Tenant> DirectoryAdministration::add_domain(const domain::Actor& actor,
                                                   const domain::RequestContext& ctx,
                                                   domain::TenantId tenant,
                                                   const std::string& domain) {
  auto parsed = domain::parse_domain_name(domain);
  if (!parsed) return parsed.error();
  return in_transaction<Tenant>(store_, [&](store::StoreTransaction& tx) -> Result<Tenant> {
    auto found = detail::find_tenant(tx, actor, tenant, domain::Permission::kManageTenant);
    if (!found) return found.error();
    if (tx.tenant_of_domain(*parsed)) return errors::already_exists("domain", *parsed);
    tx.insert_domain(tenant, *parsed);
    detail::AuditWriter{clock_, random_, actor, ctx}.write(
        tx, tenant, category::kDirectoryManagement, activity::kAddDomain, *parsed);
    return *tx.find_tenant(tenant);
  });
}

Result<Tenant> DirectoryAdministration::tenant_by_domain(const domain::Actor& actor,
                                                         const std::string& domain) {
  auto parsed = domain::parse_domain_name(domain);
  if (!parsed) return parsed.error();
  return in_transaction<Tenant>(store_, [&](store::StoreTransaction& tx) -> Result<Tenant> {
    auto id = tx.tenant_of_domain(*parsed);
    if (!id || (actor.tenant && *actor.tenant != *id)) return errors::unknown_tenant(*parsed);
    return *tx.find_tenant(*id);
  });
}

Result<Tenant> DirectoryAdministration::tenant(const domain::Actor& actor,
                                               domain::TenantId tenant) {
  return in_transaction<Tenant>(store_, [&](store::StoreTransaction& tx) -> Result<Tenant> {
    auto found = detail::find_tenant(tx, actor, tenant, domain::Permission::kReadDirectory);
    if (!found) return found.error();
    return found;
  });
}

Result<std::vector<Tenant>> DirectoryAdministration::list_tenants(const domain::Actor& actor) {
  return in_transaction<std::vector<Tenant>>(
      store_, [&](store::StoreTransaction& tx) -> Result<std::vector<Tenant>> {
        auto tenants = tx.list_tenants();
        if (actor.tenant) {
          std::erase_if(tenants, [&](const Tenant& t) { return t.id != *actor.tenant; });
        }
        return tenants;
      });
}

}  // namespace sspr::flows
