#include "flows/reset_eligibility_facts.h"

#include <algorithm>

#include "domain/clock.h"

namespace sspr::flows {
namespace {

namespace dp = sspr::domain::policy;

constexpr std::size_t kUserPage = 1000;

std::optional<dp::TimePoint> parse_time(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return domain::parse_iso8601(text);
}

}  // namespace

ResetEligibilityFacts gather_reset_eligibility_facts(store::StoreTransaction& tx,
                                                     const domain::Clock& clock,
                                                     const std::string& upn) {
  if (auto user = tx.find_user_by_upn(upn)) return gather_reset_eligibility_facts(tx, clock, *user);
  return {};
}

namespace {

// The facts both gatherings share; `full` adds the scoped group, the licences and the
// registration record.
ResetEligibilityFacts gather(store::StoreTransaction& tx, const domain::Clock& clock,
                             const domain::User& user, bool full) {
  ResetEligibilityFacts out;
  out.user = user;
  auto& facts = out.facts;
  facts.account_found = true;
  facts.account_enabled = user.enabled;
  facts.source = user.source;
  facts.is_admin = !tx.roles_of_user(user.id).empty();
  facts.policy = tx.find_sspr_policy(user.tenant_id);
  out.policy = facts.policy.value_or(dp::SsprPolicy{});
  if (full && facts.policy && facts.policy->group_id) {
    facts.member_of_scoped_group = tx.is_transitive_member(user.id, *facts.policy->group_id);
    if (auto group = tx.find_group(*facts.policy->group_id)) facts.scoped_group_name = group->name;
  }
  if (full) facts.skus = tx.effective_skus_of_user(user.id);

  out.methods = tx.list_methods(user.id);
  out.security_questions_registered = static_cast<int>(tx.list_security_answers(user.id).size());
  dp::RegisteredMethods registered;
  for (const auto& method : out.methods) registered.methods.insert(method.type);
  registered.security_questions_registered = out.security_questions_registered;
  if (full) {
    if (auto record = tx.find_registration_record(user.id)) {
      registered.last_confirmed = parse_time(record->last_confirmed_at);
    }
  }

  dp::TenantTrialFacts trial;
  const auto now = clock.now();
  out.tenant = tx.find_tenant(user.tenant_id);
  if (out.tenant) {
    trial.domain_count = std::max<std::size_t>(1, out.tenant->domains.size());
    trial.created = parse_time(out.tenant->created_at).value_or(now);
  }
  // Synced users only matter for an administrator of a young single-domain tenant (SPEC §6).
  if (facts.is_admin && dp::is_trial(trial, now)) {
    for (std::size_t offset = 0;; offset += kUserPage) {
      auto users = tx.list_users(user.tenant_id, offset, kUserPage);
      trial.has_synced_users |= std::any_of(users.begin(), users.end(), [](const auto& u) {
        return u.source == domain::UserSource::kSynced;
      });
      if (trial.has_synced_users || users.size() < kUserPage) break;
    }
  }
  facts.registration = dp::registration_status(out.policy, facts.is_admin, registered, trial, now);
  return out;
}

}  // namespace

ResetEligibilityFacts gather_reset_eligibility_facts(store::StoreTransaction& tx,
                                                     const domain::Clock& clock,
                                                     const domain::User& user) {
  return gather(tx, clock, user, true);
}

ResetEligibilityFacts gather_reset_step_facts(store::StoreTransaction& tx,
                                              const domain::Clock& clock,
                                              const domain::User& user) {
  return gather(tx, clock, user, false);
}

}  // namespace sspr::flows
