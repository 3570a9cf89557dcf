#pragma once
// The port that reads entries from a tenant's on-premises directory for the sync (SPEC §9):
// one connection (TLS, service-account bind, the settings' timeout on every step), then each
// query in turn, subtree under its base DN, in pages (RFC 2696 simple paged results) so a
// directory's size limit does not cut a large result short. Entries are handed to `sink` as
// they arrive: a 10,000-user directory is never held twice.
//
// CONTRACT: errors are those of domain/onprem/writeback_errors.h (SSPR_0029 misconfigured,
// SSPR_0030 unreachable); no password appears in any error text.

#include <functional>
#include <string>
#include <vector>

#include "domain/onprem/connection_settings.h"
#include "domain/onprem/directory_entry.h"
#include "domain/result.h"

namespace sspr::flows::onprem {

struct DirectoryQuery {
  std::string base_dn;
  std::string filter;
  std::vector<std::string> attributes;
};

class OnPremisesDirectoryReader {
 public:
  virtual ~OnPremisesDirectoryReader() = default;

  // Runs the queries in order; `sink(index of the query, entry)` for every entry.
  virtual domain::Status read(
      const domain::onprem::ConnectionSettings& settings,
      const std::vector<DirectoryQuery>& queries,
      const std::function<void(std::size_t, domain::onprem::DirectoryEntry&&)>& sink) = 0;
};

}  // namespace sspr::flows::onprem
