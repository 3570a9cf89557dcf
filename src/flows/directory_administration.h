#pragma once
// Use cases of directory administration: tenants, domains, users, groups, membership,
// licences, administrator roles and API tokens. Every operation checks the actor's
// permission and tenant, validates its input, and commits the change together with its
// audit record in one store transaction; a failed operation writes nothing.
//
// The HTTP handlers and CLI commands are thin wrappers around these calls.

#include <optional>
#include <string>
#include <vector>

#include "domain/actor.h"
#include "domain/api_token.h"
#include "domain/clock.h"
#include "domain/group.h"
#include "domain/license_assignment.h"
#include "domain/password/breached_password_list.h"
#include "domain/password_hasher.h"
#include "domain/random.h"
#include "domain/result.h"
#include "domain/tenant.h"
#include "domain/user.h"
#include "flows/authentication_methods_view.h"
#include "flows/sspr_policy_view.h"
#include "flows/tenant_password_rules.h"
#include "store/store.h"

namespace sspr::flows {

// A user as shown to administrators: the stored fields plus what they resolve to.
struct UserDetails {
  domain::User user;
  std::string tenant_name;
  std::vector<std::string> groups;    // names of transitive groups
  std::vector<std::string> licenses;  // effective SKUs (direct or through groups)
  std::vector<std::string> roles;     // administrator role ids
  bool is_administrator = false;      // holds any administrator role
  bool licensed_for_sspr = false;     // a held SKU grants SSPR for the user's source
};

struct GroupDetails {
  domain::Group group;
  std::vector<domain::GroupMember> members;  // direct members
  std::vector<std::string> licenses;         // SKUs assigned to the group
};

// The one time a token is visible: `secret` is never stored, only its hash.
struct CreatedToken {
  domain::ApiToken token;
  std::string secret;
};

// One page of a tenant's users, and how many there are in all.
struct UserPage {
  std::vector<domain::User> users;
  std::size_t total = 0;
};

struct UserChanges {
  std::optional<std::string> display_name;
  std::optional<std::string> given_name;
  std::optional<std::string> surname;
  std::optional<std::string> email;
  std::optional<bool> enabled;
};

class AdministratorPasswordWriteback;

class DirectoryAdministration {
 public:
  DirectoryAdministration(store::Store& store, const domain::Clock& clock, domain::Random& random,
                          const domain::PasswordHasher& hasher,
                          const domain::password::BreachedPasswordList* breached = nullptr);

  // Tenants (operator only, except reading one's own tenant).
  domain::Result<domain::Tenant> create_tenant(const domain::Actor& actor,
                                               const domain::RequestContext& ctx,
                                               const std::string& name, const std::string& domain);
  domain::Result<domain::Tenant> add_domain(const domain::Actor& actor,
                                            const domain::RequestContext& ctx,
                                            domain::TenantId tenant, const std::string& domain);
  domain::Result<domain::Tenant> tenant_by_domain(const domain::Actor& actor,
                                                  const std::string& domain);
  domain::Result<domain::Tenant> tenant(const domain::Actor& actor, domain::TenantId tenant);
  domain::Result<std::vector<domain::Tenant>> list_tenants(const domain::Actor& actor);

  // Users. The tenant is the one owning the UPN's domain. `password` is optional: when
  // given (cloud users only) it is stored as an Argon2id hash.
  domain::Result<UserDetails> create_user(const domain::Actor& actor,
                                          const domain::RequestContext& ctx,
                                          const domain::NewUser& input,
                                          const std::optional<std::string>& password);
  domain::Result<UserDetails> user(const domain::Actor& actor, const std::string& upn);
  domain::Result<UserPage> list_users(const domain::Actor& actor, domain::TenantId tenant,
                                      std::size_t offset, std::size_t limit);
  domain::Result<UserDetails> update_user(const domain::Actor& actor,
                                          const domain::RequestContext& ctx, const std::string& upn,
                                          const UserChanges& changes);
  domain::Status delete_user(const domain::Actor& actor, const domain::RequestContext& ctx,
                             const std::string& upn);
  // Sets a user's password; it must satisfy the tenant's password policy (SPEC §8). A synced
  // user's goes to the on-premises directory through the writeback given to
  // use_password_writeback (administrator_password_writeback.h); without one it is refused.
  domain::Status set_password(const domain::Actor& actor, const domain::RequestContext& ctx,
                              const std::string& upn, const std::string& password);
  void use_password_writeback(AdministratorPasswordWriteback& writeback) {
    writeback_ = &writeback;
  }

  // Groups and membership.
  domain::Result<GroupDetails> create_group(const domain::Actor& actor,
                                            const domain::RequestContext& ctx,
                                            domain::TenantId tenant, const std::string& name,
                                            const std::string& description);
  domain::Result<GroupDetails> group(const domain::Actor& actor, domain::TenantId tenant,
                                     const std::string& name);
  domain::Result<std::vector<domain::Group>> list_groups(const domain::Actor& actor,
                                                         domain::TenantId tenant);
  domain::Status delete_group(const domain::Actor& actor, const domain::RequestContext& ctx,
                              domain::TenantId tenant, const std::string& name);
  // Adds a user (by UPN, of the same tenant) or a group (by name) as a direct member.
  // Cycles are allowed, as in the reference product; resolution terminates on them.
  domain::Result<GroupDetails> add_member(const domain::Actor& actor,
                                          const domain::RequestContext& ctx,
                                          domain::TenantId tenant, const std::string& group,
                                          domain::MemberKind kind, const std::string& member);
  domain::Result<GroupDetails> remove_member(const domain::Actor& actor,
                                             const domain::RequestContext& ctx,
                                             domain::TenantId tenant, const std::string& group,
                                             domain::MemberKind kind, const std::string& member);

  // Licences. add_subscription creates or changes a subscription (seats nullopt = no limit).
  // Assigning a SKU the tenant has no subscription for creates one without a seat limit.
  domain::Result<domain::Subscription> add_subscription(const domain::Actor& actor,
                                                        const domain::RequestContext& ctx,
                                                        domain::TenantId tenant,
                                                        const std::string& sku,
                                                        std::optional<int> seats);
  domain::Result<std::vector<domain::Subscription>> list_subscriptions(const domain::Actor& actor,
                                                                       domain::TenantId tenant);
  domain::Result<UserDetails> assign_license_to_user(const domain::Actor& actor,
                                                     const domain::RequestContext& ctx,
                                                     const std::string& upn,
                                                     const std::string& sku);
  domain::Result<GroupDetails> assign_license_to_group(const domain::Actor& actor,
                                                       const domain::RequestContext& ctx,
                                                       domain::TenantId tenant,
                                                       const std::string& group,
                                                       const std::string& sku);
  domain::Result<UserDetails> remove_license_from_user(const domain::Actor& actor,
                                                       const domain::RequestContext& ctx,
                                                       const std::string& upn,
                                                       const std::string& sku);
  domain::Result<GroupDetails> remove_license_from_group(const domain::Actor& actor,
                                                         const domain::RequestContext& ctx,
                                                         domain::TenantId tenant,
                                                         const std::string& group,
                                                         const std::string& sku);

  // Administrator roles.
  domain::Result<UserDetails> assign_role(const domain::Actor& actor,
                                          const domain::RequestContext& ctx, const std::string& upn,
                                          const std::string& role);
  domain::Result<UserDetails> remove_role(const domain::Actor& actor,
                                          const domain::RequestContext& ctx, const std::string& upn,
                                          const std::string& role);

  // Every (UPN, role id) pair of the tenant, ordered by UPN.
  domain::Result<std::vector<std::pair<std::string, std::string>>> role_assignments(
      const domain::Actor& actor, domain::TenantId tenant);

  // API tokens (operator only). The role defaults to global-administrator.
  domain::Result<CreatedToken> create_token(const domain::Actor& actor,
                                            const domain::RequestContext& ctx,
                                            domain::TenantId tenant, const std::string& name,
                                            const std::string& role);
  domain::Result<std::vector<domain::ApiToken>> list_tokens(const domain::Actor& actor,
                                                            domain::TenantId tenant);
  domain::Status revoke_token(const domain::Actor& actor, const domain::RequestContext& ctx,
                              domain::TenantId tenant, const std::string& name);
  // The actor a presented bearer token stands for, or Unauthenticated.
  domain::Result<domain::Actor> authenticate_token(const std::string& secret);
  // The actor a signed-in user stands for on the admin API: their UPN, their tenant and the
  // permissions of every administrator role they hold now (none for a non-administrator).
  domain::Result<domain::Actor> actor_for_user(const domain::User& user);

  // --- SSPR policy (SPEC §2; directory_administration_sspr_policy.cc) ---
  // Reading needs kReadDirectory; a tenant that never saved a policy has none.
  domain::Result<SsprPolicyView> sspr_policy(const domain::Actor& actor, domain::TenantId tenant);
  // Applies a partial change (kManagePolicy), validated as a whole, committed with its audit
  // record (category Policy, before/after values in the details), or refused with nothing
  // written. The first change of a tenant starts from the defaults of SPEC §2.
  domain::Result<SsprPolicyView> set_sspr_policy(const domain::Actor& actor,
                                                 const domain::RequestContext& ctx,
                                                 domain::TenantId tenant,
                                                 const SsprPolicyUpdate& update);
  // --- end SSPR policy ---

  // --- Authentication methods by administrators (SPEC §3; directory_administration_methods.cc)
  // Pre-population needs kManageAuthMethods, and kResetAdminPasswords too when the user holds
  // an administrator role (as in Entra: an authentication administrator manages the methods
  // of non-administrators only). Values are validated with the domain parsers; a set value
  // replaces the user's method of that type and is marked source "admin". Each data set
  // saved or removed is its own audit record (category User management) whose details carry
  // only the masked value. A refused call writes nothing.
  domain::Result<UserMethodsView> user_methods(const domain::Actor& actor, const std::string& upn);
  // Sets the methods given (at least one); all are validated before any is written.
  domain::Result<UserMethodsView> set_contact_methods(
      const domain::Actor& actor, const domain::RequestContext& ctx, const std::string& upn,
      const domain::methods::ContactMethodChanges& changes);
  // Removes the user's phone or email of that type (NotFound when there is none). Security
  // questions and the app are the user's own: InvalidInput.
  domain::Result<UserMethodsView> clear_contact_method(const domain::Actor& actor,
                                                       const domain::RequestContext& ctx,
                                                       const std::string& upn,
                                                       domain::methods::MethodType type);
  // Applies a pre-population CSV (domain/methods/contact_methods_csv.h) to users of `tenant`,
  // each row in its own transaction. An error only when the file as a whole is refused
  // (not CSV, bad header) or the actor may not manage methods in the tenant at all.
  domain::Result<MethodImportReport> import_contact_methods(const domain::Actor& actor,
                                                            const domain::RequestContext& ctx,
                                                            domain::TenantId tenant,
                                                            std::string_view csv);

  // A tenant's custom security questions: reading needs kReadDirectory, adding and removing
  // kManagePolicy (audited, category Policy). Rules in domain/methods/security_answer_rules.h.
  domain::Result<std::vector<domain::methods::CustomSecurityQuestion>> custom_questions(
      const domain::Actor& actor, domain::TenantId tenant);
  domain::Result<domain::methods::CustomSecurityQuestion> add_custom_question(
      const domain::Actor& actor, const domain::RequestContext& ctx, domain::TenantId tenant,
      const std::string& text);
  // `question` is the id as shown ("custom-7") or its number ("7").
  domain::Status remove_custom_question(const domain::Actor& actor,
                                        const domain::RequestContext& ctx, domain::TenantId tenant,
                                        const std::string& question);
  // --- end authentication methods by administrators ---

  // Audit records of one tenant, newest first (the full audit surface is issue 7).
  domain::Result<std::vector<domain::AuditEvent>> audit(const domain::Actor& actor,
                                                        const store::AuditQuery& query);

 private:
  store::Store& store_;
  const domain::Clock& clock_;
  domain::Random& random_;
  const domain::PasswordHasher& hasher_;
  TenantPasswordRules password_rules_;
  AdministratorPasswordWriteback* writeback_ = nullptr;  // null: synced users are refused
};

}  // namespace sspr::flows
