#include "flows/onprem/connection_status_record.h"

namespace sspr::flows::onprem {

void record_connection_outcome(store::StoreTransaction& tx, domain::TenantId tenant,
                               const std::optional<domain::Error>& failure,
                               const std::string& now) {
  const auto state = domain::onprem::state_of_outcome(failure);
  if (!state) return;
  tx.save_onprem_status(tenant,
                        domain::onprem::next_status(tx.find_onprem_status(tenant), *state,
                                                    failure ? failure->technical : "", now));
}

}  // namespace sspr::flows::onprem
