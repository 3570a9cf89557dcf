#pragma once
// An on-premises connection's settings as JSON, for the CLI and the admin API alike: the bind
// password file's path, never its content; managed_by_config true when the configuration
// file's [[onprem]] manages it (changes through the CLI or API are then refused).

#include <nlohmann/json.hpp>

#include "domain/onprem/connection_settings.h"

namespace sspr::flows::onprem {

nlohmann::json to_json(const domain::onprem::ConnectionSettings& settings);

}  // namespace sspr::flows::onprem
