#include "domain/license_sku.h"

#include <array>

namespace sspr::domain {
namespace {

constexpr std::array kSkus = {
    LicenseSku{"FREE", "Free", false, false},
    LicenseSku{"O365_PAID", "Microsoft 365 (paid)", true, false},
    LicenseSku{"BASIC", "Basic", true, false},
    LicenseSku{"PREMIUM_P1", "Premium P1", true, true},
    LicenseSku{"PREMIUM_P2", "Premium P2", true, true},
    LicenseSku{"EMS", "Enterprise Mobility + Security", true, true},
    LicenseSku{"SPE", "Microsoft 365 E3/E5", true, true},
};

}  // namespace

std::span<const LicenseSku> all_license_skus() { return kSkus; }

std::optional<LicenseSku> find_license_sku(std::string_view id) {
  for (const auto& sku : kSkus) {
    if (sku.id == id) return sku;
  }
  return std::nullopt;
}

bool grants_sspr(const std::vector<std::string>& held_skus, UserSource source) {
  for (const auto& id : held_skus) {
    auto sku = find_license_sku(id);
    if (!sku) continue;
    if (source == UserSource::kCloud ? sku->sspr_for_cloud_users : sku->sspr_for_synced_users) {
      return true;
    }
  }
  return false;
}

}  // namespace sspr::domain
