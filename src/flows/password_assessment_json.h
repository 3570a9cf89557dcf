#pragma once
// The JSON shape of a password assessment, shared by `sspr password evaluate --json` and
// POST /api/v1/password/evaluate: {accepted, score, reasons[], terms[], strength}. It names
// the banned terms found (they are not secrets) but never contains the password.

#include <nlohmann/json.hpp>

#include "flows/password_protection.h"

namespace sspr::flows {

// terms: [{"term", "source" ("global"|"custom"|"tenant-name"), "exact"}], in password order;
// strength: {"score", "guesses_log10"} or null when no estimator is configured.
nlohmann::json to_json(const PasswordAssessment& assessment);

}  // namespace sspr::flows
