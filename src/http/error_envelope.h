#pragma once
// The error envelope every failed API call answers with (CONTRACT.md):
//   {"error": {"code", "name", "message", "technical", "support_code", "timestamp",
//              "correlation_id"}}
// `message` is the user text in the negotiated language; `technical` is the error's
// technical line, which by the catalogue's contract never carries a secret.

#include <string>

#include <nlohmann/json.hpp>

#include "domain/error.h"

namespace sspr::http {

struct EnvelopeFacts {
  std::string language;        // "en", "da", "de", "sv"
  std::string support_code;    // the request's UUID, also in its log line and failure audit
  std::string timestamp;       // ISO 8601 UTC
  std::string correlation_id;  // of the request
};

nlohmann::json error_envelope(const domain::Error& error, const EnvelopeFacts& facts);

// 405 for a known path with another method. Not in the domain catalogue because only the
// HTTP surface has methods.
domain::Error method_not_allowed(const std::string& method, const std::string& path);

}  // namespace sspr::http
