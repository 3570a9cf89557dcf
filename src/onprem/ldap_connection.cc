#include "onprem/ldap_connection.h"

#include <ldap.h>
#include <sys/time.h>

#include <vector>

#include "onprem/tcp_probe.h"

namespace sspr::onprem {

using domain::onprem::LdapStep;

void LdapConnection::Unbind::operator()(ldap* handle) const {
  ldap_unbind_ext_s(handle, nullptr, nullptr);
}

namespace {

std::string diagnostic_of(LDAP* handle) {
  char* message = nullptr;
  if (ldap_get_option(handle, LDAP_OPT_DIAGNOSTIC_MESSAGE, &message) != LDAP_OPT_SUCCESS ||
      message == nullptr) {
    return "";
  }
  std::string out(message);
  ldap_memfree(message);
  // libldap's placeholder when the server said nothing.
  if (out == "(unknown error code)") out.clear();
  return out;
}

berval as_berval(const std::string& text) {
  return berval{static_cast<ber_len_t>(text.size()), const_cast<char*>(text.data())};
}

}  // namespace

domain::Error LdapConnection::failure(LdapStep step, int code) const {
  return domain::onprem::ldap_failure(step, code, ldap_err2string(code),
                                      diagnostic_of(handle_.get()));
}

domain::Result<LdapConnection> LdapConnection::open(
    const domain::onprem::ConnectionSettings& settings, const std::string& bind_password) {
  auto connection = connect(settings);
  if (!connection) return connection.error();
  const int rc = connection->simple_bind(settings.bind_dn, bind_password);
  if (rc != LDAP_SUCCESS) return connection->failure(LdapStep::kBind, rc);
  return connection;
}

int LdapConnection::simple_bind(const std::string& dn, const std::string& password) {
  berval credentials = as_berval(password);
  return ldap_sasl_bind_s(handle_.get(), dn.c_str(), LDAP_SASL_SIMPLE, &credentials, nullptr,
                          nullptr, nullptr);
}

domain::Result<LdapConnection> LdapConnection::connect(
    const domain::onprem::ConnectionSettings& settings) {
  LDAP* raw = nullptr;
  int rc = ldap_initialize(&raw, settings.url.c_str());
  if (rc != LDAP_SUCCESS) {
    return domain::onprem::ldap_failure(LdapStep::kConnect, rc, ldap_err2string(rc),
                                        "invalid LDAP URL");
  }
  LdapConnection connection;
  connection.handle_.reset(raw);
  connection.deadline_->watch(raw);
  connection.timeout_seconds_ = settings.timeout_seconds;
  const int version = LDAP_VERSION3;
  const timeval timeout{settings.timeout_seconds, 0};
  const int require_certificate = LDAP_OPT_X_TLS_DEMAND;
  const int new_context = 0;
  ldap_set_option(raw, LDAP_OPT_PROTOCOL_VERSION, &version);
  ldap_set_option(raw, LDAP_OPT_REFERRALS, LDAP_OPT_OFF);
  ldap_set_option(raw, LDAP_OPT_NETWORK_TIMEOUT, &timeout);
  ldap_set_option(raw, LDAP_OPT_TIMEOUT, &timeout);
  ldap_set_option(raw, LDAP_OPT_X_TLS_REQUIRE_CERT, &require_certificate);
  if (!settings.ca_file.empty()) {
    ldap_set_option(raw, LDAP_OPT_X_TLS_CACERTFILE, settings.ca_file.c_str());
  }
  // The TLS options above take effect in a context of this handle's own (set last).
  rc = ldap_set_option(raw, LDAP_OPT_X_TLS_NEWCTX, &new_context);
  if (rc != LDAP_OPT_SUCCESS) {
    return domain::onprem::ldap_failure(
        LdapStep::kStartTls, LDAP_LOCAL_ERROR, ldap_err2string(LDAP_LOCAL_ERROR),
        "TLS settings refused (is the CA file " + settings.ca_file + " a PEM certificate?)");
  }
  // Connects now (and, for ldaps://, completes the TLS handshake), so a failure is reported
  // as the step it is.
  {
    HandshakeDeadline::Phase phase(*connection.deadline_, settings.timeout_seconds);
    rc = ldap_connect(raw);
  }
  if (rc != LDAP_SUCCESS && connection.deadline_->fired()) {
    return domain::onprem::ldap_failure(LdapStep::kTlsHandshake, LDAP_TIMEOUT,
                                        ldap_err2string(LDAP_TIMEOUT),
                                        "no TLS handshake within the timeout");
  }
  if (rc != LDAP_SUCCESS) {
    // For ldaps:// the handshake is part of connecting: a port that accepts TCP but not the
    // handshake is a TLS misconfiguration (certificate, CA file), not an outage.
    auto url = domain::onprem::parse_ldap_url(settings.url);
    if (rc != LDAP_TIMEOUT && url && url->ldaps &&
        tcp_reachable(url->host, url->port, settings.timeout_seconds)) {
      return connection.failure(LdapStep::kTlsHandshake, rc);
    }
    return connection.failure(LdapStep::kConnect, rc);
  }
  if (settings.starttls) {
    {
      HandshakeDeadline::Phase phase(*connection.deadline_, settings.timeout_seconds);
      rc = ldap_start_tls_s(raw, nullptr, nullptr);
    }
    if (rc != LDAP_SUCCESS && connection.deadline_->fired()) {
      return domain::onprem::ldap_failure(LdapStep::kStartTls, LDAP_TIMEOUT,
                                          ldap_err2string(LDAP_TIMEOUT),
                                          "no TLS handshake within the timeout");
    }
    if (rc != LDAP_SUCCESS) return connection.failure(LdapStep::kStartTls, rc);
  }
  return connection;
}

domain::Status LdapConnection::read_entry(const std::string& dn, LdapStep step) {
  char no_attributes[] = LDAP_NO_ATTRS;
  char* attributes[] = {no_attributes, nullptr};
  timeval timeout{timeout_seconds_, 0};
  LDAPMessage* result = nullptr;
  const int rc = ldap_search_ext_s(handle_.get(), dn.c_str(), LDAP_SCOPE_BASE, "(objectClass=*)",
                                   attributes, 0, nullptr, nullptr, &timeout, 1, &result);
  if (result != nullptr) ldap_msgfree(result);
  if (rc != LDAP_SUCCESS) return failure(step, rc);
  return domain::ok_status();
}

namespace {

struct MessageFree {
  void operator()(LDAPMessage* message) const { ldap_msgfree(message); }
};

domain::onprem::DirectoryEntry entry_of(LDAP* handle, LDAPMessage* message) {
  char* dn = ldap_get_dn(handle, message);
  domain::onprem::DirectoryEntry entry(dn != nullptr ? dn : "");
  if (dn != nullptr) ldap_memfree(dn);
  BerElement* ber = nullptr;
  for (char* name = ldap_first_attribute(handle, message, &ber); name != nullptr;
       name = ldap_next_attribute(handle, message, ber)) {
    if (berval** values = ldap_get_values_len(handle, message, name); values != nullptr) {
      for (berval** value = values; *value != nullptr; ++value) {
        entry.add(name, std::string((*value)->bv_val, (*value)->bv_len));
      }
      ldap_value_free_len(values);
    }
    ldap_memfree(name);
  }
  if (ber != nullptr) ber_free(ber, 0);
  return entry;
}

}  // namespace

domain::Status LdapConnection::search(
    const std::string& base, const std::string& filter, const std::vector<std::string>& attributes,
    int page_size, const std::function<void(domain::onprem::DirectoryEntry&&)>& sink) {
  LDAP* handle = handle_.get();
  std::vector<std::string> names = attributes;
  std::vector<char*> attribute_list;
  for (auto& name : names) attribute_list.push_back(name.data());
  attribute_list.push_back(nullptr);
  std::string cookie;
  do {
    berval cookie_value = as_berval(cookie);
    LDAPControl* page = nullptr;
    int rc = ldap_create_page_control(handle, page_size, cookie.empty() ? nullptr : &cookie_value,
                                      1, &page);
    if (rc != LDAP_SUCCESS) return failure(LdapStep::kSearch, rc);
    LDAPControl* server_controls[] = {page, nullptr};
    timeval timeout{timeout_seconds_, 0};
    LDAPMessage* raw = nullptr;
    rc = ldap_search_ext_s(handle, base.c_str(), LDAP_SCOPE_SUBTREE, filter.c_str(),
                           attribute_list.data(), 0, server_controls, nullptr, &timeout, 0, &raw);
    ldap_control_free(page);
    std::unique_ptr<LDAPMessage, MessageFree> result(raw);
    if (rc != LDAP_SUCCESS) return failure(LdapStep::kSearch, rc);
    for (LDAPMessage* message = ldap_first_entry(handle, raw); message != nullptr;
         message = ldap_next_entry(handle, message)) {
      sink(entry_of(handle, message));
    }
    int code = LDAP_SUCCESS;
    LDAPControl** controls = nullptr;
    rc = ldap_parse_result(handle, raw, &code, nullptr, nullptr, nullptr, &controls, 0);
    if (rc != LDAP_SUCCESS) return failure(LdapStep::kSearch, rc);
    if (code != LDAP_SUCCESS) {
      ldap_controls_free(controls);
      return failure(LdapStep::kSearch, code);
    }
    cookie.clear();
    if (LDAPControl* response = ldap_control_find(LDAP_CONTROL_PAGEDRESULTS, controls, nullptr);
        response != nullptr) {
      ber_int_t estimate = 0;
      berval next{0, nullptr};
      if (ldap_parse_pageresponse_control(handle, response, &estimate, &next) == LDAP_SUCCESS &&
          next.bv_val != nullptr) {
        cookie.assign(next.bv_val, next.bv_len);
        ber_memfree(next.bv_val);
      }
    }
    ldap_controls_free(controls);
  } while (!cookie.empty());
  return domain::ok_status();
}

domain::Status LdapConnection::modify_password(const std::string& dn, const std::string& password) {
  berval user = as_berval(dn);
  berval new_password = as_berval(password);
  berval generated{0, nullptr};  // a server-generated password; none is asked for
  const int rc =
      ldap_passwd_s(handle_.get(), &user, nullptr, &new_password, &generated, nullptr, nullptr);
  if (generated.bv_val != nullptr) ber_memfree(generated.bv_val);
  if (rc != LDAP_SUCCESS) return failure(LdapStep::kSetPassword, rc);
  return domain::ok_status();
}

domain::Status LdapConnection::delete_attribute(const std::string& dn, const std::string& attribute,
                                                LdapStep step) {
  std::string type = attribute;
  LDAPMod mod{};
  mod.mod_op = LDAP_MOD_DELETE;
  mod.mod_type = type.data();
  mod.mod_values = nullptr;
  LDAPMod* mods[] = {&mod, nullptr};
  const int rc = ldap_modify_ext_s(handle_.get(), dn.c_str(), mods, nullptr, nullptr);
  if (rc != LDAP_SUCCESS && rc != LDAP_NO_SUCH_ATTRIBUTE) return failure(step, rc);
  return domain::ok_status();
}

domain::Status LdapConnection::replace_attribute(const std::string& dn,
                                                 const std::string& attribute,
                                                 const std::string& value, LdapStep step) {
  std::string type = attribute;
  berval bytes = as_berval(value);
  berval* values[] = {&bytes, nullptr};
  LDAPMod mod{};
  mod.mod_op = LDAP_MOD_REPLACE | LDAP_MOD_BVALUES;
  mod.mod_type = type.data();
  mod.mod_bvalues = values;
  LDAPMod* mods[] = {&mod, nullptr};
  const int rc = ldap_modify_ext_s(handle_.get(), dn.c_str(), mods, nullptr, nullptr);
  if (rc != LDAP_SUCCESS) return failure(step, rc);
  return domain::ok_status();
}

}  // namespace sspr::onprem
