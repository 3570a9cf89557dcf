// A tenant's on-premises directory connection (migration 0009).
#include "store/soci_store_transaction.h"
#include "store/sql_query.h"

namespace sspr::store {

namespace onprem = domain::onprem;

std::optional<onprem::ConnectionSettings> SociStoreTransaction::find_onprem_connection(
    domain::TenantId tenant) {
  const long long tenant_id = tenant;
  onprem::ConnectionSettings out;
  std::string flavor;
  int starttls = 0;
  int managed = 0;
  SqlQuery query(session_,
                 "SELECT url, flavor, bind_dn, bind_password_file, base_dn, starttls, ca_file,"
                 " timeout_seconds, updated_at, upn_attribute, disabled_filter, managed_by_config"
                 " FROM onprem_connections WHERE tenant_id = :t");
  query.into(out.url)
      .into(flavor)
      .into(out.bind_dn)
      .into(out.bind_password_file)
      .into(out.base_dn)
      .into(starttls)
      .into(out.ca_file)
      .into(out.timeout_seconds)
      .into(out.updated_at)
      .into(out.upn_attribute)
      .into(out.disabled_filter)
      .into(managed)
      .use(tenant_id);
  if (!query.run()) return std::nullopt;
  out.tenant = tenant;
  out.flavor = onprem::parse_flavor(flavor).value_or(onprem::DirectoryFlavor::kOpenLdap);
  out.starttls = starttls != 0;
  out.managed_by_config = managed != 0;
  return out;
}

void SociStoreTransaction::save_onprem_connection(const onprem::ConnectionSettings& settings) {
  const long long tenant_id = settings.tenant;
  const std::string flavor(onprem::flavor_name(settings.flavor));
  const int starttls = settings.starttls ? 1 : 0;
  const int managed = settings.managed_by_config ? 1 : 0;
  SqlQuery remove(session_, "DELETE FROM onprem_connections WHERE tenant_id = :t");
  remove.use(tenant_id).run();
  SqlQuery insert(session_,
                  "INSERT INTO onprem_connections (tenant_id, url, flavor, bind_dn,"
                  " bind_password_file, base_dn, starttls, ca_file, timeout_seconds, updated_at,"
                  " upn_attribute, disabled_filter, managed_by_config) VALUES (:t, :u, :f, :b,"
                  " :p, :d, :s, :c, :o, :now, :upn, :df, :m)");
  insert.use(tenant_id)
      .use(settings.url)
      .use(flavor)
      .use(settings.bind_dn)
      .use(settings.bind_password_file)
      .use(settings.base_dn)
      .use(starttls)
      .use(settings.ca_file)
      .use(settings.timeout_seconds)
      .use(settings.updated_at)
      .use(settings.upn_attribute)
      .use(settings.disabled_filter)
      .use(managed)
      .run();
}

std::vector<domain::TenantId> SociStoreTransaction::list_config_managed_onprem_tenants() {
  std::vector<domain::TenantId> out;
  long long id = 0;
  SqlQuery query(session_,
                 "SELECT tenant_id FROM onprem_connections WHERE managed_by_config = 1"
                 " ORDER BY tenant_id");
  query.into(id);
  for (bool row = query.run(); row; row = query.next()) out.push_back(id);
  return out;
}

}  // namespace sspr::store
