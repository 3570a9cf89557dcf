#include "flows/self_service_audit.h"

namespace sspr::flows {

void write_self_service_audit(store::StoreTransaction& tx, const domain::Clock& clock,
                              domain::Random& random, const domain::RequestContext& ctx,
                              const domain::User& user, std::string_view activity,
                              std::string_view failure_reason, nlohmann::json details) {
  domain::AuditEvent event;
  const auto now = clock.now();
  event.id = random.time_ordered_uuid(now);
  event.time = domain::to_iso8601(now);
  event.tenant_id = user.tenant_id;
  event.category = domain::audit_category::kSelfService;
  event.activity = activity;
  event.actor = user.upn;
  event.target = user.upn;
  event.result = failure_reason.empty() ? "success" : "failure";
  event.result_reason = failure_reason;
  event.correlation_id = ctx.correlation_id;
  event.client_ip = ctx.client_ip;
  event.details = std::move(details);
  if (!failure_reason.empty()) {
    // The code the user was shown finds this record; a success showed no code. The language
    // the user read the error in goes with it, for the story behind the code.
    event.support_code = ctx.support_code;
    if (!ctx.language.empty() && (event.details.is_null() || event.details.is_object())) {
      event.details["language"] = ctx.language;
    }
  }
  tx.append_audit(event);
}

void write_self_service_failure(store::StoreTransaction& tx, const domain::Clock& clock,
                                domain::Random& random, const domain::RequestContext& ctx,
                                const domain::User& user, std::string_view activity,
                                const domain::Error& failure, nlohmann::json details) {
  if (!failure.technical.empty() && (details.is_null() || details.is_object())) {
    details["technical"] = failure.technical;
  }
  write_self_service_audit(tx, clock, random, ctx, user, activity, failure.name,
                           std::move(details));
}

}  // namespace sspr::flows
