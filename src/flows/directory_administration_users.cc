// Users: create, read, change, delete, set a cloud password.
#include "domain/user_principal_name.h"
#include "flows/administrator_password_writeback.h"
#include "flows/directory_access.h"
#include "flows/directory_administration.h"
#include "flows/in_transaction.h"
#include "flows/tenant_password_rules.h"

namespace sspr::flows {

using domain::Permission;
using domain::Result;
using domain::Status;
namespace errors = domain::errors;
namespace activity = domain::audit_activity;
namespace category = domain::audit_category;

namespace {

// The tenant's password policy for a password an administrator sets (SPEC §8): rejected with
// password_verdict's error, so nothing is written.
Status check_admin_password(store::StoreTransaction& tx, domain::TenantId tenant_id,
                            const domain::User& user, const std::string& password,
                            const TenantPasswordRules& rules) {
  auto tenant = tx.find_tenant(tenant_id);
  if (!tenant) return errors::not_found("tenant", std::to_string(tenant_id));
  auto evaluation =
      rules.evaluate(tx, *tenant, &user, password, domain::password::PasswordChange::kAdminSet);
  if (!evaluation) return evaluation.error();
  return domain::password::password_verdict(*evaluation);
}

}  // namespace

Result<UserDetails> DirectoryAdministration::create_user(
    const domain::Actor& actor, const domain::RequestContext& ctx, const domain::NewUser& input,
    const std::optional<std::string>& password) {
  auto user = domain::validate_new_user(input);
  if (!user) return user.error();
  if (password) {
    if (user->source == domain::UserSource::kSynced) {
      return errors::invalid_input("password", "synced users' passwords are managed on premises");
    }
  }
  const auto domain_name = domain::UserPrincipalName::parse(user->upn)->domain();
  return in_transaction<UserDetails>(
      store_, [&](store::StoreTransaction& tx) -> Result<UserDetails> {
        auto tenant = tx.tenant_of_domain(domain_name);
        if (!tenant || (actor.tenant && *actor.tenant != *tenant)) {
          return errors::unknown_tenant(domain_name);
        }
        if (auto status = detail::require(actor, Permission::kManageUsers); !status) {
          return status.error();
        }
        if (tx.find_user_by_upn(user->upn)) return errors::already_exists("user", user->upn);
        if (password) {
          if (auto status = check_admin_password(tx, *tenant, *user, *password, password_rules_);
              !status) {
            return status.error();
          }
        }
        const auto now = domain::to_iso8601(clock_.now());
        user->tenant_id = *tenant;
        user->id = tx.insert_user(*user, now);
        if (password) tx.set_password_hash(user->id, hasher_.hash(*password), now);
        nlohmann::json details = {{"display_name", user->display_name},
                                  {"source", domain::to_string(user->source)},
                                  {"password_set", password.has_value()}};
        if (user->auth_mode) details["auth_mode"] = domain::to_string(*user->auth_mode);
        detail::AuditWriter{clock_, random_, actor, ctx}.write(
            tx, *tenant, category::kUserManagement, activity::kAddUser, user->upn, details);
        return detail::user_details(tx, *tx.find_user(user->id));
      });
}

Result<UserDetails> DirectoryAdministration::user(const domain::Actor& actor,
                                                  const std::string& upn) {
  return in_transaction<UserDetails>(
      store_, [&](store::StoreTransaction& tx) -> Result<UserDetails> {
        auto found = detail::find_user(tx, actor, upn, Permission::kReadDirectory);
        if (!found) return found.error();
        return detail::user_details(tx, *found);
      });
}

Result<UserPage> DirectoryAdministration::list_users(const domain::Actor& actor,
                                                     domain::TenantId tenant, std::size_t offset,
                                                     std::size_t limit) {
  return in_transaction<UserPage>(store_, [&](store::StoreTransaction& tx) -> Result<UserPage> {
    auto found = detail::find_tenant(tx, actor, tenant, Permission::kReadDirectory);
    if (!found) return found.error();
    return UserPage{tx.list_users(tenant, offset, limit), tx.count_users(tenant)};
  });
}

Result<UserDetails> DirectoryAdministration::update_user(const domain::Actor& actor,
                                                         const domain::RequestContext& ctx,
                                                         const std::string& upn,
                                                         const UserChanges& changes) {
  // Validate the changed fields by validating the user as it would be afterwards.
  return in_transaction<UserDetails>(
      store_, [&](store::StoreTransaction& tx) -> Result<UserDetails> {
        auto found = detail::find_user(tx, actor, upn, Permission::kManageUsers);
        if (!found) return found.error();
        domain::User user = *found;
        nlohmann::json changed = nlohmann::json::object();
        auto apply = [&](const char* field, const std::optional<std::string>& value,
                         std::string& target) {
          if (value && *value != target) {
            changed[field] = {{"old", target}, {"new", *value}};
            target = *value;
          }
        };
        apply("display_name", changes.display_name, user.display_name);
        apply("given_name", changes.given_name, user.given_name);
        apply("surname", changes.surname, user.surname);
        apply("email", changes.email, user.email);
        if (changes.enabled && *changes.enabled != user.enabled) {
          changed["enabled"] = {{"old", user.enabled}, {"new", *changes.enabled}};
          user.enabled = *changes.enabled;
        }
        domain::NewUser as_input{
            user.upn,
            user.display_name,
            user.given_name,
            user.surname,
            user.email,
            user.enabled,
            std::string(domain::to_string(user.source)),
            user.auth_mode ? std::string(domain::to_string(*user.auth_mode)) : std::string(),
            user.onprem_id};
        auto valid = domain::validate_new_user(as_input);
        if (!valid) return valid.error();
        user.email = valid->email;
        if (changed.empty()) return detail::user_details(tx, user);
        tx.update_user(user, domain::to_iso8601(clock_.now()));
        detail::AuditWriter{clock_, random_, actor, ctx}.write(
            tx, user.tenant_id, category::kUserManagement, activity::kUpdateUser, user.upn,
            {{"changed", changed}});
        return detail::user_details(tx, *tx.find_user(user.id));
      });
}

Status DirectoryAdministration::delete_user(const domain::Actor& actor,
                                            const domain::RequestContext& ctx,
                                            const std::string& upn) {
  return store_.transact([&](store::StoreTransaction& tx) -> Status {
    auto found = detail::find_user(tx, actor, upn, Permission::kManageUsers);
    if (!found) return found.error();
    tx.delete_user(found->id);
    detail::AuditWriter{clock_, random_, actor, ctx}.write(
        tx, found->tenant_id, category::kUserManagement, activity::kDeleteUser, found->upn);
    return domain::ok_status();
  });
}

Status DirectoryAdministration::set_password(const domain::Actor& actor,
                                             const domain::RequestContext& ctx,
                                             const std::string& upn, const std::string& password) {
  std::optional<domain::User> synced;  // written back after the transaction
  auto status = store_.transact([&](store::StoreTransaction& tx) -> Status {
    auto found = detail::find_user(tx, actor, upn, Permission::kResetPasswords);
    if (!found) return found.error();
    if (found->password_managed_on_premises() && writeback_ == nullptr) {
      return errors::invalid_input("password", "this user's password is managed on premises");
    }
    if (!tx.roles_of_user(found->id).empty()) {
      if (auto status = detail::require(actor, Permission::kResetAdminPasswords); !status) {
        return status;
      }
    }
    if (auto status = check_admin_password(tx, found->tenant_id, *found, password, password_rules_);
        !status) {
      return status;
    }
    if (found->password_managed_on_premises()) {
      synced = *found;
      return domain::ok_status();
    }
    const auto now = domain::to_iso8601(clock_.now());
    tx.set_password_hash(found->id, hasher_.hash(password), now);
    // SPEC §11: an administrator's reset is an event of the SSPR category, for cloud and
    // synced users alike (synced: AdministratorPasswordWriteback).
    detail::AuditWriter{clock_, random_, actor, ctx}.write(
        tx, found->tenant_id, category::kSelfService, activity::kResetByAdmin, found->upn);
    return domain::ok_status();
  });
  if (!status || !synced) return status;
  return writeback_->reset(actor, ctx, *synced, password);
}

}  // namespace sspr::flows
