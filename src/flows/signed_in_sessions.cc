#include "flows/signed_in_sessions.h"

#include <optional>

#include "domain/audit_event.h"
#include "domain/error.h"
#include "domain/user_principal_name.h"
#include "flows/self_service_audit.h"
#include "flows/session_token.h"
#include "platform/token_digest.h"

namespace sspr::flows {

namespace errors = domain::errors;
namespace activity = domain::audit_activity;

namespace {

// The digest that recognises a wrong password typed again by the same user. Keyed and bound
// to the user id; kept only for the current lockout round.
std::string wrong_password_digest(domain::UserId user, const std::string& password) {
  return platform::token_digest("opensspr-wrong-password-v1:" + std::to_string(user) + ":" +
                                password);
}

}  // namespace

SignedInSessions::SignedInSessions(store::Store& store, const domain::Clock& clock,
                                   domain::Random& random, const domain::PasswordHasher& hasher,
                                   domain::SessionLimits limits,
                                   domain::SignInLockoutPolicy lockout,
                                   onprem::OnPremisesUserBind* pass_through)
    : store_(store),
      clock_(clock),
      random_(random),
      hasher_(hasher),
      limits_(limits),
      lockout_(lockout),
      pass_through_(pass_through),
      dummy_hash_(hasher.hash(random.hex(32))) {}

domain::Result<SignedIn> SignedInSessions::sign_in(const domain::RequestContext& ctx,
                                                   const std::string& upn_text,
                                                   const std::string& password) {
  auto upn = domain::UserPrincipalName::parse(upn_text);
  if (!upn) {
    hasher_.verify(password, dummy_hash_);
    return errors::invalid_credentials();
  }
  // 1. Who it is, and whether sign-in is locked (a refusal is audited, so it commits).
  std::optional<domain::User> user;
  std::optional<std::string> hash;
  std::optional<domain::onprem::ConnectionSettings> connection;
  std::optional<std::chrono::seconds> locked_for;
  bool pass_through = false;
  auto read = store_.transact([&](store::StoreTransaction& tx) {
    user = tx.find_user_by_upn(upn->str());
    if (!user) return domain::ok_status();
    pass_through = user->auth_mode == domain::AuthMode::kPassThrough;
    if (user->password_managed_on_premises() && !pass_through) return domain::ok_status();
    if (pass_through) {
      connection = tx.find_onprem_connection(user->tenant_id);
      if (!connection || !pass_through_ || user->onprem_id.empty()) return domain::ok_status();
    } else {
      hash = tx.password_hash(user->id);
    }
    locked_for = domain::lockout_remaining(tx.lock_sign_in_failures(user->id), clock_.now());
    if (locked_for) {
      write_self_service_audit(tx, clock_, random_, ctx, *user, activity::kSignIn, "SignInLocked");
    }
    return domain::ok_status();
  });
  if (!read) return read.error();
  if (!user) {
    hasher_.verify(password, dummy_hash_);
    return errors::invalid_credentials();
  }
  if (user->password_managed_on_premises() && !pass_through) {
    return errors::directory_not_connected(
        "user is synced from an on-premises directory and signs in there (auth mode " +
        std::string(domain::to_string(*user->auth_mode)) + ")");
  }
  if (pass_through && (!connection || !pass_through_ || user->onprem_id.empty())) {
    return errors::directory_not_connected(
        !connection || !pass_through_
            ? "pass-through sign-in: the tenant has no on-premises connection"
            : "pass-through sign-in: the synced user has no on-premises DN (onprem_id)");
  }
  if (locked_for) return errors::sign_in_locked(locked_for->count());

  // 2. The password, outside any transaction (Argon2id takes tens of milliseconds; a bind
  // waits for the network).
  if (pass_through) {
    if (!user->enabled) return refuse_disabled(ctx, *user);
    auto accepted = pass_through_->accepts(*connection, user->onprem_id, password);
    if (!accepted) {
      // The directory did not answer: not the user's mistake, so not counted towards lockout.
      auto audited = store_.transact([&](store::StoreTransaction& tx) {
        write_self_service_failure(tx, clock_, random_, ctx, *user, activity::kSignIn,
                                   accepted.error(), {{"pass_through", true}});
        return domain::ok_status();
      });
      if (!audited) return audited.error();
      return accepted.error();
    }
    return finish(ctx, *user, password, *accepted);
  }
  const bool matches = hasher_.verify(password, hash ? *hash : dummy_hash_) && hash.has_value();
  if (!user->enabled) return refuse_disabled(ctx, *user);
  return finish(ctx, *user, password, matches);
}

domain::Result<SignedIn> SignedInSessions::refuse_disabled(const domain::RequestContext& ctx,
                                                           const domain::User& user) {
  auto audited = store_.transact([&](store::StoreTransaction& tx) {
    write_self_service_audit(tx, clock_, random_, ctx, user, activity::kSignIn,
                             "InvalidCredentials", {{"account_enabled", false}});
    return domain::ok_status();
  });
  if (!audited) return audited.error();
  return errors::invalid_credentials();
}

domain::Result<SignedIn> SignedInSessions::finish(const domain::RequestContext& ctx,
                                                  const domain::User& user,
                                                  const std::string& password, bool correct) {
  // 3. Count the outcome with the failure row locked, and open the session on success.
  std::optional<domain::Error> refusal;
  SignedIn out;
  auto status = store_.transact([&](store::StoreTransaction& tx) {
    const auto now = clock_.now();
    const auto now_text = domain::to_iso8601(now);
    auto state = tx.lock_sign_in_failures(user.id);
    if (auto left = domain::lockout_remaining(state, now)) {
      // A concurrent attempt started a lockout meanwhile.
      write_self_service_audit(tx, clock_, random_, ctx, user, activity::kSignIn, "SignInLocked");
      refusal = errors::sign_in_locked(left->count());
      return domain::ok_status();
    }
    if (!correct) {
      state = domain::record_wrong_password(state, wrong_password_digest(user.id, password), now,
                                            lockout_);
      tx.save_sign_in_failures(user.id, state);
      const auto locked = domain::lockout_remaining(state, now);
      write_self_service_audit(tx, clock_, random_, ctx, user, activity::kSignIn,
                               "InvalidCredentials", {{"lockout_started", locked.has_value()}});
      refusal = locked ? errors::sign_in_locked(locked->count()) : errors::invalid_credentials();
      return domain::ok_status();
    }
    tx.save_sign_in_failures(user.id, domain::record_success());
    // Housekeeping: ended sessions, and other users' stale wrong-password digests.
    tx.delete_expired_sessions(now_text);
    tx.forget_sign_in_failures_before(domain::to_iso8601(now - lockout_.failure_memory));
    out.token = random_.hex(32);
    domain::Session session;
    session.id = session_id_of(out.token);
    session.user_id = user.id;
    session.tenant_id = user.tenant_id;
    session.created_at = now_text;
    session.last_seen_at = now_text;
    session.idle_expires_at = domain::to_iso8601(domain::session_idle_expiry(now, limits_));
    session.absolute_expires_at = domain::to_iso8601(domain::session_absolute_expiry(now, limits_));
    tx.insert_session(session);
    write_self_service_audit(tx, clock_, random_, ctx, user, activity::kSignIn);
    out.signed_in = SignedInUser{session, user, csrf_token_of(out.token)};
    return domain::ok_status();
  });
  if (!status) return status.error();
  if (refusal) return *refusal;
  return out;
}

domain::Result<SignedInUser> SignedInSessions::lookup(const std::string& token) {
  std::optional<SignedInUser> found;
  auto status = store_.transact([&](store::StoreTransaction& tx) {
    const auto id = session_id_of(token);
    auto session = tx.find_session(id);
    if (!session) return domain::ok_status();
    const auto now = clock_.now();
    const auto now_text = domain::to_iso8601(now);
    if (!domain::session_valid_at(*session, now_text)) {
      tx.delete_session(id);
      return domain::ok_status();
    }
    auto user = tx.find_user(session->user_id);
    if (!user || !user->enabled) {
      tx.delete_session(id);
      return domain::ok_status();
    }
    session->last_seen_at = now_text;
    session->idle_expires_at = domain::to_iso8601(domain::session_idle_expiry(now, limits_));
    tx.touch_session(id, session->last_seen_at, session->idle_expires_at);
    found = SignedInUser{*session, *user, csrf_token_of(token)};
    return domain::ok_status();
  });
  if (!status) return status.error();
  if (!found) return errors::unauthenticated("the session has ended or does not exist");
  return *found;
}

domain::Status SignedInSessions::sign_out(const domain::RequestContext& ctx,
                                          const SignedInUser& signed_in) {
  return store_.transact([&](store::StoreTransaction& tx) {
    if (tx.delete_session(signed_in.session.id)) {
      write_self_service_audit(tx, clock_, random_, ctx, signed_in.user, activity::kSignOut);
    }
    return domain::ok_status();
  });
}

domain::Status SignedInSessions::mark_must_register(const std::string& session_id) {
  return store_.transact([&](store::StoreTransaction& tx) -> domain::Status {
    tx.set_session_must_register(session_id, true);
    return domain::ok_status();
  });
}

}  // namespace sspr::flows
