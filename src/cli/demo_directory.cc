#include "cli/demo_directory.h"

#include <functional>

namespace sspr::cli {
namespace {

using domain::Status;
using flows::DirectoryAdministration;

constexpr const char* kScopeGroup = "SSPR Users";
constexpr const char* kNestedGroup = "Sales";

// Turns any Result into a Status so the seeding steps read as one list.
template <typename T>
Status status_of(const domain::Result<T>& result) {
  if (!result) return result.error();
  return domain::ok_status();
}

struct DemoAccount {
  const DemoUser& shown;
  std::string given_name;
  std::string surname;
  std::string source = "cloud";
  std::string auth_mode;
};

Status create_demo_directory(DirectoryAdministration& directory, const domain::Actor& actor,
                             const domain::RequestContext& ctx) {
  auto tenant = directory.create_tenant(actor, ctx, "Contoso", kDemoDomain);
  if (!tenant) return tenant.error();
  const domain::TenantId id = tenant->id;

  const auto& users = demo_users();
  const std::vector<DemoAccount> accounts = {
      {users[0], "Alice", "Andersen", "cloud", ""},
      {users[1], "Ada", "Admin", "cloud", ""},
      {users[2], "Bob", "Berg", "cloud", ""},
      {users[3], "Carol", "Christensen", "cloud", ""},
      {users[4], "Dave", "Dahl", "synced", "password_hash_sync"},
  };

  // The steps run in order; the first failure stops the seeding.
  using Step = std::function<Status()>;
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
  };
  for (const auto& account : accounts) {
    steps.push_back([&] {
      domain::NewUser input;
      input.upn = account.shown.upn;
      input.display_name = account.shown.display_name;
      input.given_name = account.given_name;
      input.surname = account.surname;
      input.email = account.shown.upn;
      input.source = account.source;
      input.auth_mode = account.auth_mode;
      if (account.source == "synced") input.onprem_id = "uid=dave,ou=people,dc=contoso,dc=example";
      std::optional<std::string> password;
      if (!account.shown.password.empty()) password = account.shown.password;
      return status_of(directory.create_user(actor, ctx, input, password));
    });
  }
  const auto member = domain::MemberKind::kUser;
  // alice: licensed through the group Sales, in scope through Sales, a member of SSPR Users.
  steps.push_back([&] {
    return status_of(directory.add_member(actor, ctx, id, kNestedGroup, member, users[0].upn));
  });
  steps.push_back([&] {
    return status_of(directory.assign_license_to_group(actor, ctx, id, kNestedGroup, "PREMIUM_P1"));
  });
  // admin: global administrator with a direct licence.
  steps.push_back([&] {
    return status_of(directory.assign_role(actor, ctx, users[1].upn, "global-administrator"));
  });
  steps.push_back([&] {
    return status_of(directory.assign_license_to_user(actor, ctx, users[1].upn, "PREMIUM_P1"));
  });
  // bob: in scope, no licence.
  steps.push_back([&] {
    return status_of(directory.add_member(actor, ctx, id, kScopeGroup, member, users[2].upn));
  });
  // carol: licensed, outside the scope group.
  steps.push_back([&] {
    return status_of(directory.assign_license_to_user(actor, ctx, users[3].upn, "PREMIUM_P1"));
  });
  // dave: synced, licensed, in scope.
  steps.push_back([&] {
    return status_of(directory.add_member(actor, ctx, id, kScopeGroup, member, users[4].upn));
  });
  steps.push_back([&] {
    return status_of(directory.assign_license_to_user(actor, ctx, users[4].upn, "PREMIUM_P1"));
  });
  // SSPR usable for everyone (scope it with `sspr policy set --enabled selected --group
  // "SSPR Users"` to see carol's SSPR_0013): 1 method among email, mobile phone, security
  // questions and the app's code.
  steps.push_back([&] {
    flows::SsprPolicyUpdate update;
    update.change.enabled = domain::policy::SsprEnabled::kAll;
    update.change.methods_required = 1;
    update.change.methods = domain::policy::MethodSet{
        domain::policy::MethodType::kEmail, domain::policy::MethodType::kMobilePhone,
        domain::policy::MethodType::kSecurityQuestions, domain::policy::MethodType::kAppCode};
    return status_of(directory.set_sspr_policy(actor, ctx, id, update));
  });
  for (const auto& step : steps) {
    if (auto status = step(); !status) return status;
  }
  return domain::ok_status();
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
      {"alice@contoso.example", "Alice Andersen", "Violet-Harbor-58",
       "the ordinary user who may reset: Premium P1 through group Sales, in SSPR Users "
       "through Sales (nested)"},
      {"admin@contoso.example", "Ada Admin", "Copper-Lantern-27",
       "global administrator, licensed: the administrators' fixed two-gate policy"},
      {"bob@contoso.example", "Bob Berg", "Maple-Kettle-93",
       "in SSPR Users but no licence: UserNotLicensed (SSPR_0012)"},
      {"carol@contoso.example", "Carol Christensen", "Silver-Meadow-64",
       "licensed but outside SSPR Users: UserNotMemberOfScopedAccessGroup (SSPR_0013) when "
       "the policy is scoped"},
      {"dave@contoso.example", "Dave Dahl", "",
       "synced (password_hash_sync), licensed, in SSPR Users: needs password writeback "
       "(WritebackNotEnabled, SSPR_0010, while it is off)"},
  };
  return users;
}

domain::Result<DemoSetup> set_up_demo(flows::DirectoryAdministration& directory,
                                      domain::Random& random) {
  const domain::Actor actor = domain::Actor::operator_cli();
  const domain::RequestContext ctx{random.uuid(), ""};
  DemoSetup setup;
  auto existing = directory.tenant_by_domain(actor, kDemoDomain);
  if (!existing) {
    if (existing.error().kind != domain::ErrorKind::kNotFound) return existing.error();
    if (auto status = create_demo_directory(directory, actor, ctx); !status) {
      return status.error();
    }
    setup.created_now = true;
  }
  auto token = fresh_demo_token(directory, actor, ctx, random);
  if (!token) return token.error();
  setup.token = std::move(token).value();
  return setup;
}

}  // namespace sspr::cli
