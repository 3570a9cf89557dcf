#pragma once
// What the steps of the reset flow (flows/password_reset*.cc) share: the throttle key of a
// user, the request context every step is audited with (the flow's correlation id), the audit
// details of a step, and the refusal of a step that lost a race with a concurrent one.

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "domain/actor.h"
#include "domain/error.h"
#include "domain/methods/method_type.h"
#include "domain/reset/reset_flow.h"
#include "domain/user.h"

namespace sspr::flows::reset_steps {

inline std::string user_key(const domain::User& user) { return "user:" + std::to_string(user.id); }

// The request's context with the flow's correlation id: one id for the whole flow.
inline domain::RequestContext flow_context(const domain::reset::ResetFlow& flow,
                                           domain::RequestContext ctx) {
  ctx.correlation_id = flow.correlation_id;
  return ctx;
}

inline nlohmann::json step_details(std::string_view step, const std::string& flow_id,
                                   std::optional<domain::methods::MethodType> method = {}) {
  nlohmann::json details = {{"step", step}, {"flow_id", flow_id}};
  if (method) details["method"] = domain::methods::to_string(*method);
  return details;
}

inline domain::Error concurrent_step() {
  return domain::errors::already_exists("reset flow step", "a concurrent step of this flow");
}

}  // namespace sspr::flows::reset_steps
