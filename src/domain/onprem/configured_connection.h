#pragma once
// An on-premises connection as the configuration file states it (an [[onprem]] table, see
// config/config.h and docs/OPERATIONS.md): the tenant named by one of its domains, and the
// settings (their `tenant` id unset until the tenant is looked up). Such a connection is
// managed by the file: applying the file saves it with managed_by_config, and administrators'
// changes to it are refused (connection_settings.h).

#include <string>

#include "domain/onprem/connection_settings.h"

namespace sspr::domain::onprem {

struct ConfiguredConnection {
  std::string tenant_domain;
  ConnectionSettings settings;
};

// Whether `stored` already says what `configured` says (every setting, managed by the file):
// applying the file again then writes and audits nothing.
bool same_configured_settings(const ConnectionSettings& stored,
                              const ConnectionSettings& configured);

}  // namespace sspr::domain::onprem
