#pragma once
// The JSON shapes of directory objects, shared by the HTTP API and `sspr ... --json`, so
// both surfaces show the same fields under the same names (docs/openapi.yaml).

#include <nlohmann/json.hpp>

#include "domain/api_token.h"
#include "domain/audit_event.h"
#include "domain/license_assignment.h"
#include "domain/tenant.h"
#include "flows/directory_administration.h"

namespace sspr::flows {

nlohmann::json to_json(const domain::Tenant& tenant);
nlohmann::json to_json(const domain::User& user);    // stored fields only
nlohmann::json to_json(const UserDetails& details);  // stored fields + resolved ones
nlohmann::json to_json(const domain::Group& group);
nlohmann::json to_json(const GroupDetails& details);
nlohmann::json to_json(const domain::Subscription& subscription);
nlohmann::json to_json(const domain::ApiToken& token);  // never the secret
nlohmann::json to_json(const domain::AuditEvent& event);

}  // namespace sspr::flows
