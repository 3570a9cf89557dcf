#pragma once
// The reports as the API and CLI give them out: JSON (docs/openapi.yaml) and CSV
// (RFC 4180, formula-guarded; domain/audit/audit_csv.h).
//
// Registration CSV: upn, display_name, methods_registered ("email;mobile_phone"), registered,
// capable, in_scope (true/false), last_updated - one row per user, written in chunks.
// Usage CSV: section, key, resets, unlocks, failures, count - one row per day ("per_day",
// key = date), method combination ("by_methods"), failure reason ("failures_by_reason",
// count) and administrator ("admins_resetting", resets); cells a section has no use for are
// empty.

#include <nlohmann/json.hpp>

#include "flows/audit_log.h"
#include "flows/audit_reports.h"

namespace sspr::flows {

nlohmann::json to_json(const RegistrationReport& report);
nlohmann::json to_json(const domain::audit::UsageReport& report);

// Writes the registration CSV in chunks; false when the sink stopped.
bool write_registration_csv(const RegistrationReport& report, const ChunkSink& sink);
std::string usage_csv(const domain::audit::UsageReport& report);

}  // namespace sspr::flows
