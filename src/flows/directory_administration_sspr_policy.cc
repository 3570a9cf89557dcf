// A tenant's self-service password reset policy (SPEC §2).
#include "domain/policy/policy_change.h"
#include "flows/directory_access.h"
#include "flows/directory_administration.h"
#include "flows/in_transaction.h"

namespace sspr::flows {

using domain::Permission;
using domain::Result;
namespace policy = domain::policy;

namespace {

// The policy with its group's name (nullopt when it has none or the group is gone).
SsprPolicyView view_of(store::StoreTransaction& tx, std::optional<policy::SsprPolicy> stored) {
  SsprPolicyView view{std::move(stored), std::nullopt};
  if (view.policy && view.policy->group_id) {
    if (auto group = tx.find_group(*view.policy->group_id)) view.group = group->name;
  }
  return view;
}

// Writeback and unlock need the tenant's on-premises connection (`sspr onprem set`); without
// one they are refused with the explanation to configure it first.
policy::PolicyContext policy_context(store::StoreTransaction& tx, domain::TenantId tenant) {
  return policy::PolicyContext{.has_onprem_connection =
                                   tx.find_onprem_connection(tenant).has_value()};
}

}  // namespace

Result<SsprPolicyView> DirectoryAdministration::sspr_policy(const domain::Actor& actor,
                                                            domain::TenantId tenant) {
  return in_transaction<SsprPolicyView>(
      store_, [&](store::StoreTransaction& tx) -> Result<SsprPolicyView> {
        auto found = detail::find_tenant(tx, actor, tenant, Permission::kReadDirectory);
        if (!found) return found.error();
        return view_of(tx, tx.find_sspr_policy(tenant));
      });
}

Result<SsprPolicyView> DirectoryAdministration::set_sspr_policy(const domain::Actor& actor,
                                                                const domain::RequestContext& ctx,
                                                                domain::TenantId tenant,
                                                                const SsprPolicyUpdate& update) {
  return in_transaction<SsprPolicyView>(
      store_, [&](store::StoreTransaction& tx) -> Result<SsprPolicyView> {
        auto found = detail::find_tenant(tx, actor, tenant, Permission::kManagePolicy);
        if (!found) return found.error();
        policy::SsprPolicyChange change = update.change;
        change.group_id.reset();
        if (update.group) {
          auto group = detail::find_group(tx, actor, tenant, *update.group);
          if (!group) return group.error();
          change.group_id = group->id;
        }
        const auto current = view_of(tx, tx.find_sspr_policy(tenant));
        auto changed = policy::apply_change(current.policy, change, policy_context(tx, tenant));
        if (!changed) return changed.error();
        tx.save_sspr_policy(tenant, *changed, domain::to_iso8601(clock_.now()));
        auto after = view_of(tx, *changed);
        std::optional<nlohmann::json> before;
        if (current.policy) before = policy::policy_fields(*current.policy, current.group);
        detail::AuditWriter{clock_, random_, actor, ctx}.write(
            tx, tenant, domain::audit_category::kPolicy, domain::audit_activity::kUpdateSsprPolicy,
            found->name,
            policy::change_details(before, policy::policy_fields(*after.policy, after.group)));
        return after;
      });
}

}  // namespace sspr::flows
