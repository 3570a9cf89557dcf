#pragma once
// Who performs an administrative operation and within which limits.

#include <optional>
#include <string>

#include "domain/admin_role.h"
#include "domain/tenant.h"

namespace sspr::domain {

struct Actor {
  std::string name;                // "cli", "token:<name>", a UPN: written to the audit log
  std::optional<TenantId> tenant;  // the only tenant it may act on; nullopt = any (operator)
  unsigned permissions = 0;        // Permission bits

  bool may(Permission p) const { return (permissions & static_cast<unsigned>(p)) != 0; }

  // The local operator at the command line: every permission on every tenant.
  static Actor operator_cli() { return Actor{"cli", std::nullopt, ~0u}; }
};

// Per-request facts that go into logs and audit records. `support_code` is the UUID an error
// answer of this request shows the user; failure audit records carry it, so the code finds
// them (sspr support show). "" when the caller has none (e.g. the command line).
struct RequestContext {
  std::string correlation_id;
  std::string client_ip;
  std::string support_code = {};  // with a default: {correlation, ip} still initialises
  // The language the request's answer is written in ("en", "da", "de", "sv"; "" outside HTTP):
  // a failure's audit record keeps it, so its support code's story shows what the user read.
  std::string language = {};
};

}  // namespace sspr::domain
