#pragma once
// The JSON shape of a password assessment, shared by `sspr password evaluate --json` and
// POST /api/v1/password/evaluate: {accepted, score, reasons[], terms[], strength}. It names
// the banned terms found (they are not secrets) but never contains the password.

#include <string_view>

#include <nlohmann/json.hpp>

#include "flows/password_protection.h"

namespace sspr::flows {

// terms: [{"term", "source" ("global"|"custom"|"tenant-name"), "exact"}], in password order;
// messages: the reasons as sentences in `language`;
// strength: {"score", "guesses_log10", "hints": ["KeyboardPattern", ...], "suggestions":
// [sentences in `language`]} or null when no estimator is configured.
nlohmann::json to_json(const PasswordAssessment& assessment, std::string_view language = "en");

}  // namespace sspr::flows
