#pragma once
// The sync use case (SPEC §9, issue 6): imports a tenant's users, groups and nested
// membership from its on-premises directory through the reader port, as synced users with the
// pre-populated phone and email methods, incrementally (the watermark of the last run) or in
// full. The plan is domain/onprem/sync_plan.h; this orchestrates: read, plan, write in
// batches of kBatchSize objects per transaction (a failed run leaves earlier batches, and the
// next run, which starts from the old watermark, completes them), then record the watermark,
// the summary, the connection status and one audit record "Synchronize from on-premises
// directory" (User management) with the counts. Needs kManageUsers.
//
// An entry that cannot be a user or group (no anchor, a UPN outside the tenant's domains, a
// UPN or group name another object has) is skipped and named in `problems`; the run goes on.
// A directory that lists no object at all while the tenant has synced ones is refused
// (SSPR_0029): a wrong base DN or a service account that lost its read access must not delete
// everyone.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/actor.h"
#include "domain/clock.h"
#include "domain/random.h"
#include "domain/result.h"
#include "domain/tenant.h"
#include "flows/onprem/directory_reader.h"
#include "store/store.h"

namespace sspr::flows::onprem {

struct SyncOptions {
  bool full = false;  // read every entry, not only those changed since the watermark
};

struct SyncSummary {
  bool full = false;
  std::size_t users_read = 0;
  std::size_t users_created = 0;
  std::size_t users_updated = 0;
  std::size_t users_disabled = 0;  // of the updated, those that were enabled
  std::size_t users_deleted = 0;
  std::size_t users_unchanged = 0;
  std::size_t users_skipped = 0;
  std::size_t groups_read = 0;
  std::size_t groups_created = 0;
  std::size_t groups_updated = 0;
  std::size_t groups_deleted = 0;
  std::size_t groups_skipped = 0;
  std::size_t memberships = 0;      // direct members of the groups written
  std::size_t unknown_members = 0;  // member DNs that are no synced object
  std::string watermark;
  std::vector<std::string> problems;  // the first kMaxProblems skipped entries, with why
  double seconds = 0;
};

nlohmann::json summary_json(const SyncSummary& summary);
// "users: 3 created, 1 updated, ... ; groups: ...; memberships: N".
std::string summary_line(const SyncSummary& summary);

// Progress: phase "reading" (done = entries read so far, total = 0: unknown), "users",
// "groups" (done of total written).
using SyncProgress =
    std::function<void(std::string_view phase, std::size_t done, std::size_t total)>;

class OnPremisesSync {
 public:
  static constexpr std::size_t kBatchSize = 2000;
  static constexpr std::size_t kMaxProblems = 20;

  OnPremisesSync(store::Store& store, const domain::Clock& clock, domain::Random& random,
                 OnPremisesDirectoryReader& reader)
      : store_(store), clock_(clock), random_(random), reader_(reader) {}

  domain::Result<SyncSummary> run(const domain::Actor& actor, const domain::RequestContext& ctx,
                                  domain::TenantId tenant, const SyncOptions& options,
                                  const SyncProgress& progress = {});

 private:
  store::Store& store_;
  const domain::Clock& clock_;
  domain::Random& random_;
  OnPremisesDirectoryReader& reader_;
};

}  // namespace sspr::flows::onprem
