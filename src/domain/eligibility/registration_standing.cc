#include "domain/eligibility/registration_standing.h"

#include <algorithm>
#include <cmath>

#include "domain/license_sku.h"

namespace sspr::domain::eligibility {

namespace {

using policy::SsprEnabled;

std::optional<GroupId> scoped_group(const TenantFacts& facts) {
  const bool selected = facts.policy && facts.policy->enabled == SsprEnabled::kSelected;
  if (!selected || !facts.scoped_group) return std::nullopt;
  return facts.policy->group_id;
}

double percent(std::size_t part, std::size_t whole) {
  if (whole == 0) return 0.0;
  return std::round(1000.0 * static_cast<double>(part) / static_cast<double>(whole)) / 10.0;
}

}  // namespace

RegistrationStandings::RegistrationStandings(const TenantFacts& facts,
                                             std::chrono::system_clock::time_point now)
    : facts_(facts),
      now_(now),
      applied_(facts.policy.value_or(policy::SsprPolicy{})),
      covers_all_(facts.policy && facts.policy->enabled == SsprEnabled::kAll),
      selected_(scoped_group(facts).has_value()),
      trial_(facts.trial),
      groups_(facts, scoped_group(facts)) {
  trial_.has_synced_users = std::any_of(facts.users.begin(), facts.users.end(), [](const auto& u) {
    return u.source == UserSource::kSynced;
  });
}

RegistrationStanding RegistrationStandings::of(const TenantMember& user) {
  RegistrationStanding out;
  const auto status =
      policy::registration_status(applied_, user.is_admin, user.registered, trial_, now_);
  out.registered = status.registered;
  const bool synced = user.source == UserSource::kSynced;
  const bool writeback_ok = !synced || (facts_.policy && facts_.policy->writeback);
  if (!user.enabled) return out;
  if (user.is_admin) {
    out.in_scope = true;
    out.capable = out.registered && writeback_ok;
    return out;
  }
  const GroupReach reach = groups_.of_all(user.direct_groups);
  out.in_scope = covers_all_ || (selected_ && reach.in_scope);
  const bool licensed = grants_sspr(user.direct_skus, user.source) ||
                        (synced ? reach.grants_synced : reach.grants_cloud);
  out.capable = out.in_scope && out.registered && licensed && writeback_ok;
  return out;
}

void RegistrationTotals::add(const RegistrationStanding& standing) {
  ++users;
  if (!standing.in_scope) return;
  ++in_scope;
  if (standing.registered) ++registered;
  if (standing.capable) ++capable;
}

double RegistrationTotals::registered_percent() const { return percent(registered, in_scope); }
double RegistrationTotals::capable_percent() const { return percent(capable, in_scope); }

}  // namespace sspr::domain::eligibility
