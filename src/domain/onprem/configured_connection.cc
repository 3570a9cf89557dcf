#include "domain/onprem/configured_connection.h"

namespace sspr::domain::onprem {

bool same_configured_settings(const ConnectionSettings& stored,
                              const ConnectionSettings& configured) {
  return stored.managed_by_config && stored.url == configured.url &&
         stored.flavor == configured.flavor && stored.bind_dn == configured.bind_dn &&
         stored.bind_password_file == configured.bind_password_file &&
         stored.base_dn == configured.base_dn && stored.starttls == configured.starttls &&
         stored.ca_file == configured.ca_file &&
         stored.timeout_seconds == configured.timeout_seconds &&
         stored.upn_attribute == configured.upn_attribute &&
         stored.disabled_filter == configured.disabled_filter;
}

}  // namespace sspr::domain::onprem
