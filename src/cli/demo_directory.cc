#include "cli/demo_directory.h"

#include <functional>
#include <string_view>

namespace sspr::cli {
namespace {

using domain::Status;
using flows::DirectoryAdministration;
namespace dp = domain::policy;

constexpr const char* kScopeGroup = "SSPR Users";
constexpr const char* kNestedGroup = "Sales";

// The demo users, by UPN (demo_users() describes them for the printout).
constexpr const char* kAlice = "alice@contoso.example";
constexpr const char* kAdmin = "admin@contoso.example";
constexpr const char* kBob = "bob@contoso.example";
constexpr const char* kCarol = "carol@contoso.example";
constexpr const char* kDave = "dave@contoso.example";
constexpr const char* kErin = "erin@contoso.example";
constexpr const char* kFrank = "frank@fabrikam.example";
constexpr const char* kGrace = "grace@tailspin.example";

// Pre-populated methods of the users who may reset (public demo values: the codes go to the
// demo outbox, never to a real phone or mailbox).
constexpr const char* kAliceEmail = "alice.andersen@example.org";
constexpr const char* kAliceMobile = "+45 20 12 34 56";
constexpr const char* kAdminEmail = "ada.admin@example.org";
constexpr const char* kAdminMobile = "+45 20 98 76 54";

using Step = std::function<Status()>;

// Turns any Result into a Status so the seeding steps read as one list.
template <typename T>
Status status_of(const domain::Result<T>& result) {
  if (!result) return result.error();
  return domain::ok_status();
}

// The steps run in order; the first failure stops the seeding.
Status run_steps(const std::vector<Step>& steps) {
  for (const auto& step : steps) {
    if (auto status = step(); !status) return status;
  }
  return domain::ok_status();
}

const DemoUser& demo_user(std::string_view upn) {
  for (const auto& user : demo_users()) {
    if (user.upn == upn) return user;
  }
  return demo_users().front();  // unreachable: every constant above is in demo_users()
}

struct DemoAccount {
  const char* upn;
  const char* given_name;
  const char* surname;
  bool synced;  // synced with password hash sync (password managed on premises), else cloud
};

Step create_account(DirectoryAdministration& directory, const domain::Actor& actor,
                    const domain::RequestContext& ctx, DemoAccount account) {
  return [&directory, &actor, &ctx, account] {
    const DemoUser& shown = demo_user(account.upn);
    domain::NewUser input;
    input.upn = shown.upn;
    input.display_name = shown.display_name;
    input.given_name = account.given_name;
    input.surname = account.surname;
    input.email = shown.upn;
    if (account.synced) {
      input.source = "synced";
      input.auth_mode = "password_hash_sync";
      input.onprem_id =
          "uid=" + shown.upn.substr(0, shown.upn.find('@')) + ",ou=people,dc=contoso,dc=example";
    }
    std::optional<std::string> password;
    if (!shown.password.empty()) password = shown.password;
    return status_of(directory.create_user(actor, ctx, input, password));
  };
}

Step pre_populate(DirectoryAdministration& directory, const domain::Actor& actor,
                  const domain::RequestContext& ctx, const char* upn, const char* email,
                  const char* mobile) {
  return [&directory, &actor, &ctx, upn, email, mobile] {
    domain::methods::ContactMethodChanges changes;
    changes.email = email;
    changes.mobile_phone = mobile;
    return status_of(directory.set_contact_methods(actor, ctx, upn, changes));
  };
}

Status create_contoso(DirectoryAdministration& directory, const domain::Actor& actor,
                      const domain::RequestContext& ctx) {
  auto tenant = directory.create_tenant(actor, ctx, "Contoso", kDemoDomain);
  if (!tenant) return tenant.error();
  const domain::TenantId id = tenant->id;
  const auto member = domain::MemberKind::kUser;

  std::vector<Step> steps = {
      [&] {
        return status_of(directory.create_group(actor, ctx, id, kScopeGroup,
                                                "Users in scope for self-service password reset"));
      },
      [&] {
        return status_of(directory.create_group(actor, ctx, id, kNestedGroup,
                                                "Sales department, nested in SSPR Users"));
      },
      [&] {
        return status_of(directory.add_member(actor, ctx, id, kScopeGroup,
                                              domain::MemberKind::kGroup, kNestedGroup));
      },
      [&] { return status_of(directory.add_subscription(actor, ctx, id, "PREMIUM_P1", 25)); },
      [&] {
        return status_of(directory.add_subscription(actor, ctx, id, "O365_PAID", std::nullopt));
      },
      create_account(directory, actor, ctx, {kAlice, "Alice", "Andersen", false}),
      create_account(directory, actor, ctx, {kAdmin, "Ada", "Admin", false}),
      create_account(directory, actor, ctx, {kBob, "Bob", "Berg", false}),
      create_account(directory, actor, ctx, {kCarol, "Carol", "Christensen", false}),
      create_account(directory, actor, ctx, {kDave, "Dave", "Dahl", true}),
      create_account(directory, actor, ctx, {kErin, "Erin", "Eriksen", false}),
      // alice: licensed through the group Sales, in scope through Sales (nested in SSPR
      // Users), email and mobile phone pre-populated: she may reset.
      [&] { return status_of(directory.add_member(actor, ctx, id, kNestedGroup, member, kAlice)); },
      [&] {
        return status_of(
            directory.assign_license_to_group(actor, ctx, id, kNestedGroup, "PREMIUM_P1"));
      },
      pre_populate(directory, actor, ctx, kAlice, kAliceEmail, kAliceMobile),
      // admin: global administrator with a direct licence; the administrators' fixed policy
      // (two gates, no security questions) ignores the group scope (SPEC §6).
      [&] { return status_of(directory.assign_role(actor, ctx, kAdmin, "global-administrator")); },
      [&] { return status_of(directory.assign_license_to_user(actor, ctx, kAdmin, "PREMIUM_P1")); },
      pre_populate(directory, actor, ctx, kAdmin, kAdminEmail, kAdminMobile),
      // bob: in scope, no licence (SSPR_0012).
      [&] { return status_of(directory.add_member(actor, ctx, id, kScopeGroup, member, kBob)); },
      // carol: licensed, outside the scope group (SSPR_0013).
      [&] { return status_of(directory.assign_license_to_user(actor, ctx, kCarol, "PREMIUM_P1")); },
      // dave: synced, licensed, in scope, writeback off (SSPR_0010).
      [&] { return status_of(directory.add_member(actor, ctx, id, kScopeGroup, member, kDave)); },
      [&] { return status_of(directory.assign_license_to_user(actor, ctx, kDave, "PREMIUM_P1")); },
      // erin: licensed, in scope, no method on file (her own mailbox is not a reset method):
      // SSPR_0014.
      [&] { return status_of(directory.add_member(actor, ctx, id, kScopeGroup, member, kErin)); },
      [&] { return status_of(directory.assign_license_to_user(actor, ctx, kErin, "PREMIUM_P1")); },
      // SSPR for the members of SSPR Users (nested groups count): 1 method among email, mobile
      // phone, security questions and the app's code.
      [&] {
        flows::SsprPolicyUpdate update;
        update.change.enabled = dp::SsprEnabled::kSelected;
        update.group = kScopeGroup;
        update.change.methods_required = 1;
        update.change.methods =
            dp::MethodSet{dp::MethodType::kEmail, dp::MethodType::kMobilePhone,
                          dp::MethodType::kSecurityQuestions, dp::MethodType::kAppCode};
        return status_of(directory.set_sspr_policy(actor, ctx, id, update));
      },
  };
  return run_steps(steps);
}

// Fabrikam: a licensed user, and SSPR explicitly switched off for the tenant (SSPR_0009).
Status create_fabrikam(DirectoryAdministration& directory, const domain::Actor& actor,
                       const domain::RequestContext& ctx) {
  auto tenant = directory.create_tenant(actor, ctx, "Fabrikam", kDemoSsprOffDomain);
  if (!tenant) return tenant.error();
  const domain::TenantId id = tenant->id;
  return run_steps({
      [&] { return status_of(directory.add_subscription(actor, ctx, id, "PREMIUM_P1", 5)); },
      create_account(directory, actor, ctx, {kFrank, "Frank", "Fischer", false}),
      [&] { return status_of(directory.assign_license_to_user(actor, ctx, kFrank, "PREMIUM_P1")); },
      [&] {
        flows::SsprPolicyUpdate update;
        update.change.enabled = dp::SsprEnabled::kNone;
        return status_of(directory.set_sspr_policy(actor, ctx, id, update));
      },
  });
}

// Tailspin: a licensed user in a tenant that never saved an SSPR policy (SSPR_0011).
Status create_tailspin(DirectoryAdministration& directory, const domain::Actor& actor,
                       const domain::RequestContext& ctx) {
  auto tenant = directory.create_tenant(actor, ctx, "Tailspin Toys", kDemoUnconfiguredDomain);
  if (!tenant) return tenant.error();
  const domain::TenantId id = tenant->id;
  return run_steps({
      [&] { return status_of(directory.add_subscription(actor, ctx, id, "PREMIUM_P1", 5)); },
      create_account(directory, actor, ctx, {kGrace, "Grace", "Gustavsson", false}),
      [&] { return status_of(directory.assign_license_to_user(actor, ctx, kGrace, "PREMIUM_P1")); },
  });
}

// Creates the tenant of `domain_name` with `create` unless it exists; true when created now.
domain::Result<bool> ensure_tenant(DirectoryAdministration& directory, const domain::Actor& actor,
                                   const domain::RequestContext& ctx, const char* domain_name,
                                   Status (*create)(DirectoryAdministration&, const domain::Actor&,
                                                    const domain::RequestContext&)) {
  auto existing = directory.tenant_by_domain(actor, domain_name);
  if (existing) return false;
  if (existing.error().kind != domain::ErrorKind::kNotFound) return existing.error();
  if (auto status = create(directory, actor, ctx); !status) return status.error();
  return true;
}

// Each run gets a fresh token (a secret cannot be shown twice); the previous demo tokens
// are revoked so only the one printed last works.
domain::Result<std::string> fresh_demo_token(DirectoryAdministration& directory,
                                             const domain::Actor& actor,
                                             const domain::RequestContext& ctx,
                                             domain::Random& random) {
  auto tenant = directory.tenant_by_domain(actor, kDemoDomain);
  if (!tenant) return tenant.error();
  auto tokens = directory.list_tokens(actor, tenant->id);
  if (!tokens) return tokens.error();
  for (const auto& token : *tokens) {
    if (token.revoked || token.name.rfind("demo-", 0) != 0) continue;
    if (auto status = directory.revoke_token(actor, ctx, tenant->id, token.name); !status) {
      return status.error();
    }
  }
  auto created = directory.create_token(actor, ctx, tenant->id, "demo-" + random.hex(4),
                                        "global-administrator");
  if (!created) return created.error();
  return created->secret;
}

}  // namespace

const std::vector<DemoUser>& demo_users() {
  static const std::vector<DemoUser> users = {
      {kAlice, "Alice Andersen", "Violet-Harbor-58",
       std::string("may reset: Premium P1 and SSPR Users through group Sales (nested); "
                   "email ") +
           kAliceEmail + " and mobile " + kAliceMobile + " pre-populated"},
      {kAdmin, "Ada Admin", "Copper-Lantern-27",
       std::string("global administrator: the fixed two-gate policy; email ") + kAdminEmail +
           " and mobile " + kAdminMobile + " pre-populated"},
      {kBob, "Bob Berg", "Maple-Kettle-93",
       "in SSPR Users, no licence: UserNotLicensed (SSPR_0012)"},
      {kCarol, "Carol Christensen", "Silver-Meadow-64",
       "licensed, outside SSPR Users: UserNotMemberOfScopedAccessGroup (SSPR_0013)"},
      {kDave, "Dave Dahl", "",
       "synced (password_hash_sync), licensed, in scope, writeback off: "
       "WritebackNotEnabled (SSPR_0010)"},
      {kErin, "Erin Eriksen", "Amber-Falcon-31",
       "licensed, in scope, no method on file: UserNotProperlyConfigured (SSPR_0014)"},
      {kFrank, "Frank Fischer", "Cobalt-Orchard-46",
       "tenant Fabrikam has SSPR switched off: TenantSSPRFlagDisabled (SSPR_0009)"},
      {kGrace, "Grace Gustavsson", "Linen-Glacier-72",
       "tenant Tailspin never configured SSPR: SsprNotEnabledInUserPolicy (SSPR_0011)"},
  };
  return users;
}

domain::Result<DemoSetup> set_up_demo(flows::DirectoryAdministration& directory,
                                      domain::Random& random) {
  const domain::Actor actor = domain::Actor::operator_cli();
  const domain::RequestContext ctx{random.uuid(), ""};
  DemoSetup setup;
  auto contoso = ensure_tenant(directory, actor, ctx, kDemoDomain, create_contoso);
  if (!contoso) return contoso.error();
  setup.created_now = *contoso;
  // The two small tenants are checked on their own, so a data directory of an older demo
  // gains them on its next start.
  for (auto [domain_name, create] : {std::pair{kDemoSsprOffDomain, &create_fabrikam},
                                     std::pair{kDemoUnconfiguredDomain, &create_tailspin}}) {
    if (auto created = ensure_tenant(directory, actor, ctx, domain_name, create); !created) {
      return created.error();
    }
  }
  auto token = fresh_demo_token(directory, actor, ctx, random);
  if (!token) return token.error();
  setup.token = std::move(token).value();
  return setup;
}

}  // namespace sspr::cli
