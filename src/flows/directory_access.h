#pragma once
// Shared steps of the directory use cases: resolving the objects an administrator names,
// within the tenant the actor may act on, checking permissions, and writing audit records.
// An object of another tenant is reported as not found, so a token of one tenant learns
// nothing about another.

#include <string>
#include <string_view>

#include "domain/actor.h"
#include "domain/audit_event.h"
#include "domain/clock.h"
#include "domain/random.h"
#include "domain/result.h"
#include "flows/directory_administration.h"
#include "store/store.h"

namespace sspr::flows::detail {

domain::Status require(const domain::Actor& actor, domain::Permission permission);
domain::Status require_tenant(const domain::Actor& actor, domain::TenantId tenant);
domain::Status require_operator(const domain::Actor& actor);

domain::Result<domain::Tenant> find_tenant(store::StoreTransaction& tx, const domain::Actor& actor,
                                           domain::TenantId tenant);
domain::Result<domain::User> find_user(store::StoreTransaction& tx, const domain::Actor& actor,
                                       const std::string& upn);
domain::Result<domain::Group> find_group(store::StoreTransaction& tx, const domain::Actor& actor,
                                         domain::TenantId tenant, const std::string& name);

// The same lookups for an operation that needs `permission`: the object is found first (so an
// object of another tenant stays "not found"), then Forbidden when the actor lacks it.
domain::Result<domain::Tenant> find_tenant(store::StoreTransaction& tx, const domain::Actor& actor,
                                           domain::TenantId tenant, domain::Permission permission);
domain::Result<domain::User> find_user(store::StoreTransaction& tx, const domain::Actor& actor,
                                       const std::string& upn, domain::Permission permission);
domain::Result<domain::Group> find_group(store::StoreTransaction& tx, const domain::Actor& actor,
                                         domain::TenantId tenant, const std::string& name,
                                         domain::Permission permission);

UserDetails user_details(store::StoreTransaction& tx, const domain::User& user);
GroupDetails group_details(store::StoreTransaction& tx, const domain::Group& group);

// Fills in id, time, actor, correlation id and client IP and appends the record.
struct AuditWriter {
  const domain::Clock& clock;
  domain::Random& random;
  const domain::Actor& actor;
  const domain::RequestContext& ctx;

  void write(store::StoreTransaction& tx, domain::TenantId tenant, std::string_view category,
             std::string_view activity, const std::string& target,
             nlohmann::json details = nlohmann::json::object()) const;
};

}  // namespace sspr::flows::detail
