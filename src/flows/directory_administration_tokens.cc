// API tokens and the audit listing.
#include "domain/admin_role.h"
#include "flows/directory_access.h"
#include "flows/directory_administration.h"
#include "flows/in_transaction.h"
#include "platform/token_digest.h"

namespace sspr::flows {

using domain::Result;
using domain::Status;
namespace errors = domain::errors;
namespace activity = domain::audit_activity;
namespace category = domain::audit_category;

namespace {

constexpr std::string_view kTokenPrefix = "sspr_";

Status check_token_name(const std::string& name) {
  if (name.empty() || name.size() > 64) {
    return errors::invalid_input("name", "must be 1 to 64 characters");
  }
  for (unsigned char c : name) {
    if (!std::isalnum(c) && c != '-' && c != '_' && c != '.') {
      return errors::invalid_input("name", "may only use letters, digits, '-', '_' and '.'");
    }
  }
  return domain::ok_status();
}

}  // namespace

Result<CreatedToken> DirectoryAdministration::create_token(const domain::Actor& actor,
                                                           const domain::RequestContext& ctx,
                                                           domain::TenantId tenant,
                                                           const std::string& name,
                                                           const std::string& role) {
  if (auto status = detail::require_operator(actor); !status) return status.error();
  const std::string role_id = role.empty() ? "global-administrator" : role;
  if (!domain::find_admin_role(role_id)) return errors::unknown_role(role_id);
  const std::string token_name = name.empty() ? "token-" + random_.hex(4) : name;
  if (auto status = check_token_name(token_name); !status) return status.error();
  return in_transaction<CreatedToken>(
      store_, [&](store::StoreTransaction& tx) -> Result<CreatedToken> {
        auto found = detail::find_tenant(tx, actor, tenant);
        if (!found) return found.error();
        if (tx.find_token_by_name(tenant, token_name)) {
          return errors::already_exists("token", token_name);
        }
        CreatedToken created;
        created.secret = std::string(kTokenPrefix) + random_.hex(32);
        created.token.tenant_id = tenant;
        created.token.name = token_name;
        created.token.role = role_id;
        created.token.created_at = domain::to_iso8601(clock_.now());
        created.token.id = tx.insert_token(created.token, platform::token_digest(created.secret));
        detail::AuditWriter{clock_, random_, actor, ctx}.write(
            tx, tenant, category::kDirectoryManagement, activity::kCreateToken, token_name,
            {{"role", role_id}});
        return created;
      });
}

Result<std::vector<domain::ApiToken>> DirectoryAdministration::list_tokens(
    const domain::Actor& actor, domain::TenantId tenant) {
  return in_transaction<std::vector<domain::ApiToken>>(
      store_, [&](store::StoreTransaction& tx) -> Result<std::vector<domain::ApiToken>> {
        auto found = detail::find_tenant(tx, actor, tenant);
        if (!found) return found.error();
        if (auto status = detail::require_operator(actor); !status) return status.error();
        return tx.list_tokens(tenant);
      });
}

Status DirectoryAdministration::revoke_token(const domain::Actor& actor,
                                             const domain::RequestContext& ctx,
                                             domain::TenantId tenant, const std::string& name) {
  return store_.transact([&](store::StoreTransaction& tx) -> Status {
    if (auto status = detail::require_operator(actor); !status) return status;
    auto found = tx.find_token_by_name(tenant, name);
    if (!found || found->revoked) return errors::not_found("token", name);
    tx.revoke_token(found->id);
    detail::AuditWriter{clock_, random_, actor, ctx}.write(
        tx, tenant, category::kDirectoryManagement, activity::kRevokeToken, name);
    return domain::ok_status();
  });
}

Result<domain::Actor> DirectoryAdministration::authenticate_token(const std::string& secret) {
  if (secret.size() < kTokenPrefix.size() || secret.size() > 128 ||
      secret.compare(0, kTokenPrefix.size(), kTokenPrefix) != 0) {
    return errors::unauthenticated("the bearer token is not an OpenSSPR API token");
  }
  // The lookup is by a keyed digest of the token, so no secret is compared in variable time.
  return in_transaction<domain::Actor>(
      store_, [&](store::StoreTransaction& tx) -> Result<domain::Actor> {
        auto token = tx.find_token_by_hash(platform::token_digest(secret));
        if (!token || token->revoked) {
          return errors::unauthenticated("the bearer token is unknown or revoked");
        }
        auto role = domain::find_admin_role(token->role);
        if (!role) return errors::unauthenticated("the token's role no longer exists");
        return domain::Actor{"token:" + token->name, token->tenant_id, role->permissions};
      });
}

Result<domain::Actor> DirectoryAdministration::actor_for_user(const domain::User& user) {
  return in_transaction<domain::Actor>(store_,
                                       [&](store::StoreTransaction& tx) -> Result<domain::Actor> {
                                         domain::Actor actor{user.upn, user.tenant_id, 0};
                                         for (const auto& id : tx.roles_of_user(user.id)) {
                                           if (auto role = domain::find_admin_role(id))
                                             actor.permissions |= role->permissions;
                                         }
                                         return actor;
                                       });
}

Result<std::vector<domain::AuditEvent>> DirectoryAdministration::audit(
    const domain::Actor& actor, const store::AuditQuery& query) {
  if (auto status = detail::require(actor, domain::Permission::kReadAudit); !status) {
    return status.error();
  }
  store::AuditQuery scoped = query;
  if (actor.tenant) scoped.tenant_id = actor.tenant;
  scoped.limit = std::min<std::size_t>(scoped.limit == 0 ? 100 : scoped.limit, 1000);
  return in_transaction<std::vector<domain::AuditEvent>>(
      store_, [&](store::StoreTransaction& tx) -> Result<std::vector<domain::AuditEvent>> {
        return tx.query_audit(scoped);
      });
}

}  // namespace sspr::flows
