#pragma once
// Records what a test, a sync or a writeback observed of a tenant's on-premises connection
// (domain/onprem/connection_status.h): ok → up, SSPR_0030 → unreachable, SSPR_0029 →
// misconfigured; other outcomes (a password the directory's policy refused) say nothing about
// the connection and leave the status as it was.

#include <optional>
#include <string>

#include "domain/error.h"
#include "domain/tenant.h"
#include "store/store.h"

namespace sspr::flows::onprem {

void record_connection_outcome(store::StoreTransaction& tx, domain::TenantId tenant,
                               const std::optional<domain::Error>& failure, const std::string& now);

}  // namespace sspr::flows::onprem
