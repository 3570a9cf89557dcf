#include "flows/tenant_password_rules.h"

#include "domain/password/banned_term_list.h"
#include "flows/global_banned_terms.h"

namespace sspr::flows {

namespace password = domain::password;

domain::Result<std::shared_ptr<const password::BannedTermIndex>> TenantPasswordRules::index_for(
    domain::TenantId tenant, const std::string& tenant_name,
    const std::vector<std::string>& custom_terms) const {
  {
    std::lock_guard lock(mutex_);
    auto found = cache_.find(tenant);
    if (found != cache_.end() && found->second.tenant_name == tenant_name &&
        found->second.custom_terms == custom_terms) {
      return found->second.index;
    }
  }
  // Built outside the lock: two threads may build the same index once each, which is
  // harmless, and no evaluation waits for another tenant's build.
  auto custom = password::BannedTermList::custom(custom_terms);
  if (!custom) return custom.error();
  auto index = std::make_shared<const password::BannedTermIndex>(global_banned_terms(), *custom,
                                                                 tenant_name);
  std::lock_guard lock(mutex_);
  cache_[tenant] = CachedIndex{tenant_name, custom_terms, index};
  return std::shared_ptr<const password::BannedTermIndex>(index);
}

domain::Result<password::PasswordEvaluation> TenantPasswordRules::evaluate(
    store::StoreTransaction& tx, const domain::Tenant& tenant, const domain::User* user,
    const std::string& candidate, password::PasswordChange change,
    std::function<bool()> matches_current) const {
  auto index = index_for(tenant.id, tenant.name, tx.list_banned_terms(tenant.id));
  if (!index) return index.error();
  password::PasswordCandidate input;
  input.password = candidate;
  input.change = change;
  input.matches_current = std::move(matches_current);
  if (user) {
    input.first_name = user->given_name;
    input.last_name = user->surname;
  }
  return password::evaluate_password(input, **index, breached_);
}

}  // namespace sspr::flows
