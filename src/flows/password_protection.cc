#include "flows/password_protection.h"

#include <algorithm>
#include <set>

#include "domain/password/banned_term_list.h"
#include "flows/directory_access.h"
#include "flows/in_transaction.h"
#include "flows/tenant_password_rules.h"

namespace sspr::flows {

using domain::Permission;
using domain::Result;
namespace errors = domain::errors;
namespace password = domain::password;

namespace {

// The given terms normalised (and checked one by one: length, encoding, duplicates).
Result<std::vector<std::string>> normalised_terms(const std::vector<std::string>& terms) {
  if (terms.empty()) return errors::invalid_input("terms", "is empty");
  auto list = password::BannedTermList::custom(terms);
  if (!list) return list.error();
  return list->utf8_terms();
}

}  // namespace

PasswordProtection::PasswordProtection(store::Store& store, const domain::Clock& clock,
                                       domain::Random& random,
                                       const domain::PasswordStrengthEstimator* strength,
                                       const domain::password::BreachedPasswordList* breached)
    : store_(store),
      clock_(clock),
      random_(random),
      strength_(strength),
      password_rules_(breached) {}

Result<std::vector<std::string>> PasswordProtection::list_terms(const domain::Actor& actor,
                                                                domain::TenantId tenant) {
  using Terms = std::vector<std::string>;
  return in_transaction<Terms>(store_, [&](store::StoreTransaction& tx) -> Result<Terms> {
    auto found = detail::find_tenant(tx, actor, tenant, Permission::kReadDirectory);
    if (!found) return found.error();
    return tx.list_banned_terms(tenant);
  });
}

Result<std::vector<std::string>> PasswordProtection::add_terms(
    const domain::Actor& actor, const domain::RequestContext& ctx, domain::TenantId tenant,
    const std::vector<std::string>& terms) {
  auto wanted = normalised_terms(terms);
  if (!wanted) return wanted.error();
  using Terms = std::vector<std::string>;
  return in_transaction<Terms>(store_, [&](store::StoreTransaction& tx) -> Result<Terms> {
    auto found = detail::find_tenant(tx, actor, tenant, Permission::kManagePolicy);
    if (!found) return found.error();
    Terms merged = tx.list_banned_terms(tenant);
    const std::set<std::string> existing(merged.begin(), merged.end());
    Terms added;
    for (const auto& term : *wanted) {
      if (!existing.contains(term)) added.push_back(term);
    }
    if (added.empty()) return merged;
    merged.insert(merged.end(), added.begin(), added.end());
    if (auto whole = password::BannedTermList::custom(merged); !whole) return whole.error();
    const auto now = domain::to_iso8601(clock_.now());
    for (const auto& term : added) tx.add_banned_term(tenant, term, now);
    detail::AuditWriter{clock_, random_, actor, ctx}.write(
        tx, tenant, domain::audit_category::kPolicy, domain::audit_activity::kAddBannedTerms,
        found->name, {{"terms", added}, {"count", merged.size()}});
    std::sort(merged.begin(), merged.end());
    return merged;
  });
}

Result<std::vector<std::string>> PasswordProtection::remove_terms(
    const domain::Actor& actor, const domain::RequestContext& ctx, domain::TenantId tenant,
    const std::vector<std::string>& terms) {
  auto wanted = normalised_terms(terms);
  if (!wanted) return wanted.error();
  using Terms = std::vector<std::string>;
  return in_transaction<Terms>(store_, [&](store::StoreTransaction& tx) -> Result<Terms> {
    auto found = detail::find_tenant(tx, actor, tenant, Permission::kManagePolicy);
    if (!found) return found.error();
    const Terms current = tx.list_banned_terms(tenant);
    for (const auto& term : *wanted) {
      if (!std::binary_search(current.begin(), current.end(), term)) {
        return errors::not_found("banned term", term);
      }
    }
    for (const auto& term : *wanted) tx.remove_banned_term(tenant, term);
    Terms remaining = tx.list_banned_terms(tenant);
    detail::AuditWriter{clock_, random_, actor, ctx}.write(
        tx, tenant, domain::audit_category::kPolicy, domain::audit_activity::kRemoveBannedTerms,
        found->name, {{"terms", *wanted}, {"count", remaining.size()}});
    return remaining;
  });
}

Result<PasswordAssessment> PasswordProtection::evaluate(const domain::Actor& actor,
                                                        domain::TenantId tenant,
                                                        const std::optional<std::string>& upn,
                                                        const std::string& candidate,
                                                        password::PasswordChange kind) {
  if (kind == password::PasswordChange::kChange) {
    return errors::invalid_input("kind", "a change needs the current password");
  }
  auto assessed = in_transaction<PasswordAssessment>(
      store_, [&](store::StoreTransaction& tx) -> Result<PasswordAssessment> {
        auto found = detail::find_tenant(tx, actor, tenant, Permission::kReadDirectory);
        if (!found) return found.error();
        std::optional<domain::User> user;
        if (upn) {
          auto named = detail::find_user(tx, actor, *upn);
          if (!named) return named.error();
          if (named->tenant_id != tenant) return errors::not_found("user", *upn);
          user = *named;
        }
        auto evaluation =
            password_rules_.evaluate(tx, *found, user ? &*user : nullptr, candidate, kind);
        if (!evaluation) return evaluation.error();
        PasswordAssessment out{std::move(evaluation).value(), std::nullopt};
        if (strength_) {
          std::vector<std::string> inputs{found->name};
          if (user) {
            inputs.push_back(user->given_name);
            inputs.push_back(user->surname);
            inputs.push_back(user->upn.substr(0, user->upn.find('@')));
          }
          out.strength = strength_->estimate(candidate, inputs);
        }
        return out;
      });
  return assessed;
}

}  // namespace sspr::flows
