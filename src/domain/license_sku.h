#pragma once
// Licence SKUs and what they grant for self-service password reset (SPEC §1).

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/user.h"

namespace sspr::domain {

struct LicenseSku {
  std::string_view id;            // "PREMIUM_P1"
  std::string_view display_name;  // "Premium P1"
  bool sspr_for_cloud_users;      // cloud-only users may reset
  bool sspr_for_synced_users;     // synced users may reset (writeback)
};

std::span<const LicenseSku> all_license_skus();
std::optional<LicenseSku> find_license_sku(std::string_view id);

// Whether any of the SKUs a user holds (directly or through groups) lets a user of this
// source reset their password. Unknown SKU ids grant nothing.
bool grants_sspr(const std::vector<std::string>& held_skus, UserSource source);

}  // namespace sspr::domain
