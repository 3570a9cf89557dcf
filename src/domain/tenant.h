#pragma once
// A tenant: one organisation's directory, reached through its verified domains.

#include <cstdint>
#include <string>
#include <vector>

namespace sspr::domain {

using TenantId = std::int64_t;

struct Tenant {
  TenantId id = 0;
  std::string name;                  // display name, e.g. "Contoso"
  std::vector<std::string> domains;  // lower-case, the first one is the initial domain
  std::string helpdesk;              // optional URL or email shown to users
  std::string created_at;            // ISO 8601 UTC
};

}  // namespace sspr::domain
