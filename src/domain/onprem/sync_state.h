#pragma once
// What a tenant's last on-premises sync left behind: the watermark the next incremental run
// starts from (the highest modifyTimestamp / uSNChanged seen, "" = none yet), when it ran and
// its summary (JSON text, as `sspr onprem sync --json` prints it).

#include <string>

namespace sspr::domain::onprem {

struct SyncState {
  std::string watermark;
  std::string last_run_at;
  std::string last_result = "{}";
};

}  // namespace sspr::domain::onprem
