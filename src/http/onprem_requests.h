#pragma once
// The JSON bodies of the on-premises connection and sync (http/onprem_routes.cc), read into
// what the flows take. Pure: a parsed body in, the fields or InvalidInput naming the field out.
// Like every body (http/json_body.h), null counts as absent.

#include <nlohmann/json.hpp>

#include "domain/onprem/connection_settings.h"
#include "domain/result.h"
#include "domain/tenant.h"
#include "flows/onprem/onprem_sync.h"

namespace sspr::http {

// PUT /api/v1/onprem/connection: {"url", "flavor", "bind_dn", "bind_password_file", "base_dn",
// "ca_file"?, "upn_attribute"?, "starttls"?, "timeout_seconds"?} for `tenant`. The values are
// checked by the flow (domain/onprem/connection_settings.h); here only their JSON types, and
// that the timeout is an int (a larger number is refused, never wrapped).
domain::Result<domain::onprem::ConnectionSettings> read_connection_settings_request(
    const nlohmann::json& body, domain::TenantId tenant);

// POST /api/v1/onprem/sync: {"full"?}.
domain::Result<flows::onprem::SyncOptions> read_sync_request(const nlohmann::json& body);

}  // namespace sspr::http
