#include "flows/onprem/connection_settings_json.h"

#include <string>

namespace sspr::flows::onprem {

nlohmann::json to_json(const domain::onprem::ConnectionSettings& settings) {
  return {{"url", settings.url},
          {"flavor", std::string(domain::onprem::flavor_name(settings.flavor))},
          {"bind_dn", settings.bind_dn},
          {"bind_password_file", settings.bind_password_file},
          {"base_dn", settings.base_dn},
          {"starttls", settings.starttls},
          {"ca_file", settings.ca_file},
          {"timeout_seconds", settings.timeout_seconds},
          {"upn_attribute", settings.upn_attribute},
          {"disabled_filter", settings.disabled_filter},
          {"managed_by_config", settings.managed_by_config},
          {"updated_at", settings.updated_at}};
}

}  // namespace sspr::flows::onprem
