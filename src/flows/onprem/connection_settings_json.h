#pragma once
// An on-premises connection's settings as JSON, for the CLI and the admin API alike: the bind
// password file's path, never its content.

#include <nlohmann/json.hpp>

#include "domain/onprem/connection_settings.h"

namespace sspr::flows::onprem {

nlohmann::json to_json(const domain::onprem::ConnectionSettings& settings);

}  // namespace sspr::flows::onprem
