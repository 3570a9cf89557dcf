#include "http/onprem_requests.h"

#include <string>
#include <tuple>

#include "domain/error.h"
#include "http/json_body.h"

namespace sspr::http {

namespace onprem = domain::onprem;

domain::Result<onprem::ConnectionSettings> read_connection_settings_request(
    const nlohmann::json& body, domain::TenantId tenant) {
  onprem::ConnectionSettings s;
  s.tenant = tenant;
  std::string flavor;
  for (auto [name, out, required] :
       {std::tuple{"url", &s.url, true}, std::tuple{"flavor", &flavor, true},
        std::tuple{"bind_dn", &s.bind_dn, true},
        std::tuple{"bind_password_file", &s.bind_password_file, true},
        std::tuple{"base_dn", &s.base_dn, true}, std::tuple{"ca_file", &s.ca_file, false},
        std::tuple{"upn_attribute", &s.upn_attribute, false},
        std::tuple{"disabled_filter", &s.disabled_filter, false}}) {
    auto value = optional_string(body, name);
    if (!value) return value.error();
    if (!*value && required) return domain::errors::invalid_input(name, "is required");
    if (*value) *out = std::move(**value);
  }
  auto parsed = onprem::parse_flavor(flavor);
  if (!parsed) return domain::errors::invalid_input("flavor", "openldap or active_directory");
  s.flavor = *parsed;
  auto starttls = optional_bool(body, "starttls");
  if (!starttls) return starttls.error();
  if (*starttls) s.starttls = **starttls;
  auto timeout = optional_int(body, "timeout_seconds");
  if (!timeout) return timeout.error();
  if (*timeout) s.timeout_seconds = **timeout;
  return s;
}

domain::Result<flows::onprem::SyncOptions> read_sync_request(const nlohmann::json& body) {
  flows::onprem::SyncOptions options;
  auto full = optional_bool(body, "full");
  if (!full) return full.error();
  if (*full) options.full = **full;
  return options;
}

}  // namespace sspr::http
