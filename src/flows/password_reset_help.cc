// "Contact your administrator" (SPEC §5.6, flows/password_reset.h): after a code could not be
// sent, the user asks the tenant's administrators to reset their password.
//
// Decision: the request needs a failed delivery recorded on the flow (the reference product
// shows the link only after a failed send). An open flow alone is not enough: otherwise anyone
// who can start a flow for a user (a CAPTCHA and the UPN) could have the administrators
// emailed in that user's name without any sign of trouble.
#include "domain/audit_event.h"
#include "domain/reset/administrator_help.h"
#include "domain/reset/reset_flow.h"
#include "flows/password_reset.h"
#include "flows/reset_flow_steps.h"
#include "flows/self_service_audit.h"

namespace sspr::flows {
namespace {

namespace dr = domain::reset;
namespace errors = domain::errors;
using domain::Error;
using domain::Result;
using domain::Status;
using reset_steps::concurrent_step;
using reset_steps::flow_context;
using reset_steps::step_details;

constexpr std::string_view kContactAdminAction = "ContactAdminRequest";

// Requests are counted on their own key: reaching the limit refuses further requests for the
// rest of the hour but does not block the account from resetting.
std::string contact_admin_key(const domain::User& user) {
  return "contact-admin:user:" + std::to_string(user.id);
}

}  // namespace

Result<std::size_t> PasswordReset::contact_admin(const domain::RequestContext& request_ctx,
                                                 const std::string& flow_id,
                                                 const std::string& language) {
  std::optional<Loaded> loaded;
  std::optional<Error> refusal;
  std::vector<std::string> administrators;
  const auto requested = store_.transact([&](store::StoreTransaction& tx) -> Status {
    // A gate step's facts: an account disabled since the flow started ends the flow here too,
    // so the administrators are not asked to reset the password of an account they disabled.
    auto found = load(tx, flow_id, false);
    if (!found) return found.error();
    loaded = std::move(*found);
    const auto ctx = flow_context(loaded->flow, request_ctx);
    const auto& user = *loaded->facts.user;
    const auto details = step_details("contact_admin", flow_id);
    if (loaded->ended) return refuse(tx, ctx, user, *loaded->ended, details, refusal);
    const auto now = clock_.now();
    auto moved = dr::request_admin_help(loaded->flow, now);
    if (!moved) return refuse(tx, ctx, user, moved.error(), details, refusal);
    const auto key = contact_admin_key(user);
    tx.lock_throttle_key(key);
    const int earlier = tx.count_throttle_attempts(
        key, std::string(kContactAdminAction), domain::to_iso8601(now - dr::kContactAdminWindow));
    if (!dr::contact_admin_allowed(earlier)) {
      return refuse(tx, ctx, user, dr::contact_admin_limit_reached(), details, refusal);
    }
    administrators = ResetNotifications::other_administrators(tx, user);
    if (administrators.empty()) {
      return refuse(tx, ctx, user, dr::no_administrator_to_contact(), details, refusal);
    }
    tx.record_throttle_attempt(key, std::string(kContactAdminAction), domain::to_iso8601(now));
    if (!tx.update_reset_flow(*moved)) return concurrent_step();
    return domain::ok_status();
  });
  if (!requested) return requested.error();
  if (refusal) return *refusal;

  // Sent after the commit; the delivery is audited as the step (details.step contact_admin).
  const NoticeSubject subject{flow_context(loaded->flow, request_ctx), *loaded->facts.user,
                              loaded->tenant_name, flow_id, language};
  const auto delivery = notifications_.send(NoticeKind::kAdminHelp, subject, administrators);
  if (delivery.delivered == 0) {
    return delivery.failure ? *delivery.failure
                            : errors::internal("no request to the administrators was delivered");
  }
  return delivery.delivered;
}

}  // namespace sspr::flows
