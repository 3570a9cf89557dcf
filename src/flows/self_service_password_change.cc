#include "flows/self_service_password_change.h"

#include "domain/audit_event.h"
#include "domain/error.h"
#include "flows/self_service_audit.h"
#include "flows/tenant_password_rules.h"

namespace sspr::flows {

namespace errors = domain::errors;
namespace password = domain::password;

namespace {

domain::Error wrong_current_password() {
  return domain::Error{domain::ErrorKind::kRejected, "CurrentPasswordIncorrect",
                       "CurrentPasswordIncorrect", "error.CurrentPasswordIncorrect",
                       "the current password given does not match"};
}

}  // namespace

SelfServicePasswordChange::SelfServicePasswordChange(store::Store& store,
                                                     const domain::Clock& clock,
                                                     domain::Random& random,
                                                     const domain::PasswordHasher& hasher,
                                                     const password::BreachedPasswordList* breached)
    : store_(store), clock_(clock), random_(random), hasher_(hasher), password_rules_(breached) {}

std::optional<PasswordChangeRefusal> SelfServicePasswordChange::refuse(
    const domain::RequestContext& ctx, const domain::User& user, domain::Error error,
    std::optional<password::PasswordEvaluation> evaluation) {
  nlohmann::json details = nlohmann::json::object();
  if (evaluation) {
    nlohmann::json reasons = nlohmann::json::array();
    for (auto reason : evaluation->reasons)
      reasons.push_back(std::string(password::reason_name(reason)));
    details["reasons"] = std::move(reasons);
  }
  auto audited = store_.transact([&](store::StoreTransaction& tx) {
    write_self_service_failure(tx, clock_, random_, ctx, user,
                               domain::audit_activity::kChangePassword, error, details);
    return domain::ok_status();
  });
  if (!audited) return PasswordChangeRefusal{audited.error(), std::nullopt};
  return PasswordChangeRefusal{std::move(error), std::move(evaluation)};
}

std::optional<PasswordChangeRefusal> SelfServicePasswordChange::change(
    const domain::RequestContext& ctx, const SignedInUser& signed_in,
    const std::string& current_password, const std::string& new_password) {
  const domain::User& user = signed_in.user;
  if (user.password_managed_on_premises()) {
    return refuse(ctx, user,
                  errors::directory_not_connected(
                      "user is synced from an on-premises directory, which is not connected yet"));
  }
  std::optional<std::string> hash;
  auto read = store_.transact([&](store::StoreTransaction& tx) {
    hash = tx.password_hash(user.id);
    return domain::ok_status();
  });
  if (!read) return PasswordChangeRefusal{read.error(), std::nullopt};
  // Argon2id work outside transactions: the current password, whether the new one is the
  // same as the current, and the new hash.
  if (!hash || !hasher_.verify(current_password, *hash)) {
    return refuse(ctx, user, wrong_current_password());
  }
  const bool reused = hasher_.verify(new_password, *hash);
  std::optional<PasswordChangeRefusal> refusal;
  const std::string new_hash = hasher_.hash(new_password);
  auto status = store_.transact([&](store::StoreTransaction& tx) -> domain::Status {
    if (tx.password_hash(user.id) != hash) {
      return errors::already_exists("password change", "a concurrent change of this password");
    }
    auto tenant = tx.find_tenant(user.tenant_id);
    if (!tenant) return errors::not_found("tenant", std::to_string(user.tenant_id));
    auto evaluation =
        password_rules_.evaluate(tx, *tenant, &user, new_password,
                                 password::PasswordChange::kChange, [reused] { return reused; });
    if (!evaluation) return evaluation.error();
    if (!evaluation->accepted) {
      auto verdict = password::password_verdict(*evaluation);
      refusal = PasswordChangeRefusal{verdict.error(), *evaluation};
      return domain::ok_status();
    }
    const auto now = domain::to_iso8601(clock_.now());
    tx.set_password_hash(user.id, new_hash, now);
    tx.delete_other_sessions(user.id, signed_in.session.id);
    write_self_service_audit(tx, clock_, random_, ctx, user,
                             domain::audit_activity::kChangePassword);
    return domain::ok_status();
  });
  if (!status) return PasswordChangeRefusal{status.error(), std::nullopt};
  if (refusal) return refuse(ctx, user, refusal->error, refusal->evaluation);
  return std::nullopt;
}

}  // namespace sspr::flows
