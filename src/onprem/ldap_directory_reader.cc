#include "onprem/ldap_directory_reader.h"

#include "onprem/bind_password_file.h"
#include "onprem/ldap_connection.h"
#include "platform/fiber.h"

namespace sspr::onprem {

domain::Status LdapDirectoryReader::read(
    const domain::onprem::ConnectionSettings& settings,
    const std::vector<flows::onprem::DirectoryQuery>& queries,
    const std::function<void(std::size_t, domain::onprem::DirectoryEntry&&)>& sink) {
  // Blocks on the network: a fiber waits for it parked (platform/fiber.h).
  return platform::fibers::offload([&]() -> domain::Status {
    auto password = read_bind_password(settings.bind_password_file);
    if (!password) return password.error();
    auto connection = LdapConnection::open(settings, *password);
    if (!connection) return connection.error();
    for (std::size_t i = 0; i < queries.size(); ++i) {
      const auto& query = queries[i];
      auto searched = connection->search(
          query.base_dn, query.filter, query.attributes, kPageSize,
          [&](domain::onprem::DirectoryEntry&& entry) { sink(i, std::move(entry)); });
      if (!searched) return searched;
    }
    return domain::ok_status();
  });
}

}  // namespace sspr::onprem
