#pragma once
// The sync's reader over LDAP (flows/onprem/directory_reader.h): one connection with the
// service account (its password read from the file now), then each query as a paged subtree
// search (RFC 2696, pages of kPageSize entries).

#include "flows/onprem/directory_reader.h"

namespace sspr::onprem {

class LdapDirectoryReader final : public flows::onprem::OnPremisesDirectoryReader {
 public:
  static constexpr int kPageSize = 500;

  domain::Status read(
      const domain::onprem::ConnectionSettings& settings,
      const std::vector<flows::onprem::DirectoryQuery>& queries,
      const std::function<void(std::size_t, domain::onprem::DirectoryEntry&&)>& sink) override;
};

}  // namespace sspr::onprem
