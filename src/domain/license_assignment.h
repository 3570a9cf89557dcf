#pragma once
// Licence subscriptions (seats bought for a SKU) and their assignment to users and groups.

#include <cstdint>
#include <optional>
#include <string>

#include "domain/tenant.h"

namespace sspr::domain {

struct Subscription {
  std::int64_t id = 0;
  TenantId tenant_id = 0;
  std::string sku;
  std::optional<int> seats;  // nullopt: no seat limit
  int assigned = 0;          // users holding the SKU, directly or through groups (read only)
};

struct LicenseAssignment {
  std::string sku;
  std::string assignee_kind;  // "user" | "group"
  std::string assignee;       // UPN or group name
};

}  // namespace sspr::domain
