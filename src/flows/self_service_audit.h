#pragma once
// One audit record of a self-service action (category "Self-service password management"):
// the user acts on themselves, with a result and, on failure, the error name as reason and
// the request's support code (ctx.support_code), so that code finds the record.

#include <string_view>

#include "domain/actor.h"
#include "domain/clock.h"
#include "domain/error.h"
#include "domain/random.h"
#include "domain/user.h"
#include "store/store.h"

namespace sspr::flows {

void write_self_service_audit(store::StoreTransaction& tx, const domain::Clock& clock,
                              domain::Random& random, const domain::RequestContext& ctx,
                              const domain::User& user, std::string_view activity,
                              std::string_view failure_reason = {},
                              nlohmann::json details = nlohmann::json::object());

// The same for a failure: `failure`'s name is the reason, and its technical line (the one the
// user was shown, so never a secret) goes into the details, so the story behind the support
// code says why in the same words (sspr support show).
void write_self_service_failure(store::StoreTransaction& tx, const domain::Clock& clock,
                                domain::Random& random, const domain::RequestContext& ctx,
                                const domain::User& user, std::string_view activity,
                                const domain::Error& failure,
                                nlohmann::json details = nlohmann::json::object());

}  // namespace sspr::flows
