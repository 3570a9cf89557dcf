#pragma once
// The password policy of a tenant applied inside a store transaction: the banned terms are
// the global list, the tenant's custom list (as stored now) and the tenant's name, plus the
// breached-password filter when one is loaded. Every path that sets a password and the
// "evaluate" use case go through one of these, so they cannot disagree.
//
// Each tenant's BannedTermIndex is built once and reused: the object caches it with the custom
// list and name it was built from, and rebuilds it when the stored ones differ (so a change
// made on any node is seen by the next evaluation). Each use case owns one; it is safe to use
// from several threads at once.

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "domain/password/banned_term_index.h"
#include "domain/password/breached_password_list.h"
#include "domain/password/password_policy.h"
#include "domain/result.h"
#include "domain/tenant.h"
#include "domain/user.h"
#include "store/store.h"

namespace sspr::flows {

class TenantPasswordRules {
 public:
  // `breached` may be null (no breached-password filter loaded); it must outlive this object.
  explicit TenantPasswordRules(const domain::password::BreachedPasswordList* breached = nullptr)
      : breached_(breached) {}
  TenantPasswordRules(const TenantPasswordRules&) = delete;
  TenantPasswordRules& operator=(const TenantPasswordRules&) = delete;

  // Evaluates `password` for `user` (null: no user names are checked) of `tenant`. The reuse
  // check of a kChange asks `matches_current` (see PasswordCandidate); without it no reuse
  // check is made.
  domain::Result<domain::password::PasswordEvaluation> evaluate(
      store::StoreTransaction& tx, const domain::Tenant& tenant, const domain::User* user,
      const std::string& password, domain::password::PasswordChange change,
      std::function<bool()> matches_current = {}) const;

  // The index for `tenant` with these custom terms (normalised, as stored) and name.
  domain::Result<std::shared_ptr<const domain::password::BannedTermIndex>> index_for(
      domain::TenantId tenant, const std::string& tenant_name,
      const std::vector<std::string>& custom_terms) const;

 private:
  struct CachedIndex {
    std::string tenant_name;
    std::vector<std::string> custom_terms;
    std::shared_ptr<const domain::password::BannedTermIndex> index;
  };

  const domain::password::BreachedPasswordList* breached_;
  mutable std::mutex mutex_;
  mutable std::map<domain::TenantId, CachedIndex> cache_;
};

}  // namespace sspr::flows
