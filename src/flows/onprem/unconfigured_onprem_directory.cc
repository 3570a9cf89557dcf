#include "flows/onprem/unconfigured_onprem_directory.h"

#include "domain/onprem/writeback_errors.h"

namespace sspr::flows::onprem {

namespace {

domain::Error not_configured() {
  return domain::onprem::admin_action_required(
      "no on-premises connection is configured for this tenant");
}

}  // namespace

domain::Status UnconfiguredOnPremisesDirectory::set_password(domain::TenantId /*tenant*/,
                                                             const domain::User& /*user*/,
                                                             const std::string& /*password*/) {
  return not_configured();
}

domain::Status UnconfiguredOnPremisesDirectory::unlock(domain::TenantId /*tenant*/,
                                                       const domain::User& /*user*/) {
  return not_configured();
}

}  // namespace sspr::flows::onprem
