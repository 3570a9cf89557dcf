#include "flows/onprem/tenant_onprem_directory.h"

#include "domain/onprem/writeback_errors.h"
#include "flows/in_transaction.h"
#include "flows/onprem/connection_status_record.h"

namespace sspr::flows::onprem {

using ConnectionFound = std::optional<domain::onprem::ConnectionSettings>;

domain::Result<ConnectionFound> TenantOnPremisesDirectory::connection(domain::TenantId tenant) {
  return in_transaction<ConnectionFound>(
      store_, [&](store::StoreTransaction& tx) -> domain::Result<ConnectionFound> {
        return tx.find_onprem_connection(tenant);
      });
}

domain::Status TenantOnPremisesDirectory::recorded(domain::TenantId tenant,
                                                   domain::Status outcome) {
  std::optional<domain::Error> failure;
  if (!outcome) failure = outcome.error();
  (void)store_.transact([&](store::StoreTransaction& tx) -> domain::Status {
    record_connection_outcome(tx, tenant, failure, domain::to_iso8601(clock_.now()));
    return domain::ok_status();
  });
  return outcome;
}

namespace {

domain::Status no_entry(const domain::User& user) {
  return domain::onprem::admin_action_required("the synced user " + user.upn +
                                               " has no on-premises DN (onprem_id)");
}

}  // namespace

domain::Status TenantOnPremisesDirectory::set_password(domain::TenantId tenant,
                                                       const domain::User& user,
                                                       const std::string& password) {
  auto found = connection(tenant);
  if (!found) return found.error();
  if (!*found) return unconfigured_.set_password(tenant, user, password);
  if (user.onprem_id.empty()) return no_entry(user);
  return recorded(tenant, connector_.set_password(**found, user.onprem_id, password));
}

domain::Status TenantOnPremisesDirectory::unlock(domain::TenantId tenant,
                                                 const domain::User& user) {
  auto found = connection(tenant);
  if (!found) return found.error();
  if (!*found) return unconfigured_.unlock(tenant, user);
  if (user.onprem_id.empty()) return no_entry(user);
  return recorded(tenant, connector_.unlock(**found, user.onprem_id));
}

}  // namespace sspr::flows::onprem
