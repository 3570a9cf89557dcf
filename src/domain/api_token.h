#pragma once
// An API token authenticates calls to the admin API on behalf of one tenant with the
// permissions of one administrator role. Only a hash of the token is stored; the token
// itself is shown once, when it is created.

#include <cstdint>
#include <string>

#include "domain/tenant.h"

namespace sspr::domain {

struct ApiToken {
  std::int64_t id = 0;
  TenantId tenant_id = 0;
  std::string name;  // label chosen by the operator, unique per tenant
  std::string role;  // an AdminRole id
  std::string created_at;
  bool revoked = false;
};

}  // namespace sspr::domain
