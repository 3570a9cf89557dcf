#include "flows/tenant_facts.h"

#include <algorithm>
#include <unordered_map>

#include "domain/clock.h"
#include "domain/methods/method_type.h"

namespace sspr::flows {
namespace {

namespace de = domain::eligibility;
namespace dm = domain::methods;

constexpr std::string_view kUserKeyPrefix = "user:";

}  // namespace

GatheredTenantFacts gather_tenant_facts(store::StoreTransaction& tx, const domain::Tenant& tenant,
                                        const std::optional<domain::policy::SsprPolicy>& policy,
                                        const std::optional<std::string>& scoped_group,
                                        std::chrono::system_clock::time_point now) {
  GatheredTenantFacts out;
  auto& facts = out.facts;
  facts.domain = tenant.domains.empty() ? tenant.name : tenant.domains.front();
  facts.policy = policy;
  facts.scoped_group = scoped_group;
  facts.group_edges = tx.group_edges(tenant.id);
  std::unordered_map<std::string, domain::GroupId> group_ids;
  for (const auto& group : tx.list_groups(tenant.id)) group_ids.emplace(group.name, group.id);
  const auto licenses = tx.list_license_assignments(tenant.id);
  for (const auto& assignment : licenses) {
    if (assignment.assignee_kind != "group") continue;
    if (auto found = group_ids.find(assignment.assignee); found != group_ids.end()) {
      facts.group_licenses.push_back({found->second, assignment.sku});
    }
  }
  facts.trial.domain_count = std::max<std::size_t>(1, tenant.domains.size());
  facts.trial.created =
      tenant.created_at.empty() ? now : domain::parse_iso8601(tenant.created_at).value_or(now);

  auto& members = facts.users;
  std::unordered_map<domain::UserId, std::size_t> by_id;
  std::unordered_map<std::string, std::size_t> by_upn;
  for (auto& user : tx.list_users(tenant.id, 0, tx.count_users(tenant.id))) {
    by_id.emplace(user.id, members.size());
    by_upn.emplace(user.upn, members.size());
    de::TenantMember member;
    member.id = user.id;
    member.upn = user.upn;
    member.source = user.source;
    member.enabled = user.enabled;
    members.push_back(std::move(member));
    out.display_names.push_back(std::move(user.display_name));
  }
  out.last_updated.resize(members.size());
  auto find_id = [&](domain::UserId id) -> de::TenantMember* {
    auto found = by_id.find(id);
    return found == by_id.end() ? nullptr : &members[found->second];
  };
  for (const auto& [upn, role] : tx.list_role_assignments(tenant.id)) {
    if (auto found = by_upn.find(upn); found != by_upn.end())
      members[found->second].is_admin = true;
  }
  for (const auto& [user, group] : tx.user_group_memberships(tenant.id)) {
    if (auto* member = find_id(user)) member->direct_groups.push_back(group);
  }
  for (const auto& assignment : licenses) {
    if (assignment.assignee_kind != "user") continue;
    if (auto found = by_upn.find(assignment.assignee); found != by_upn.end()) {
      members[found->second].direct_skus.push_back(assignment.sku);
    }
  }
  // "Last updated": the newest save or confirmation of the user's security info, whoever saved
  // it (one ISO 8601 format, so text order is time order).
  auto note_update = [&](domain::UserId user, std::string& when) {
    auto found = by_id.find(user);
    if (found == by_id.end()) return;
    auto& updated = out.last_updated[found->second];
    if (when > updated) updated = std::move(when);
  };
  for (auto& method : tx.tenant_methods(tenant.id)) {
    auto type = dm::method_type_from_string(method.type);
    if (auto* member = find_id(method.user); member && type) {
      member->registered.methods.insert(*type);
    }
    note_update(method.user, method.updated_at);
  }
  for (auto& answers : tx.tenant_security_answers(tenant.id)) {
    if (auto* member = find_id(answers.user)) {
      member->registered.security_questions_registered = answers.count;
    }
    note_update(answers.user, answers.newest);
  }
  for (auto& [user, confirmed] : tx.registration_confirmations(tenant.id)) {
    auto found = by_id.find(user);
    if (found == by_id.end() || confirmed.empty()) continue;
    members[found->second].registered.last_confirmed = domain::parse_iso8601(confirmed);
    note_update(user, confirmed);
  }
  const auto now_text = domain::to_iso8601(now);
  for (const auto& [key, until] : tx.throttle_blocks_after(std::string(kUserKeyPrefix), now_text)) {
    const auto id_text = key.substr(kUserKeyPrefix.size());
    const bool digits = !id_text.empty() && std::all_of(id_text.begin(), id_text.end(), [](char c) {
      return c >= '0' && c <= '9';
    });
    if (!digits) continue;
    if (auto* member = find_id(std::stoll(id_text))) member->throttle_blocked = true;
  }
  return out;
}

}  // namespace sspr::flows
