#include "http/csrf.h"

#include <sodium.h>

#include "domain/ascii_text.h"

namespace sspr::http {

bool is_state_changing(Method method) { return method != Method::kGet; }

domain::Error csrf_token_missing(const std::string& detail) {
  return domain::Error{domain::ErrorKind::kForbidden, "CsrfTokenMissing", "CsrfTokenMissing",
                       "error.CsrfTokenMissing", detail};
}

domain::Error cross_origin_request(const std::string& detail) {
  return domain::Error{domain::ErrorKind::kForbidden, "CrossOriginRequest", "CrossOriginRequest",
                       "error.CrossOriginRequest", detail};
}

domain::Status check_same_origin(std::string_view origin, std::string_view host) {
  if (origin.empty()) return domain::ok_status();
  const std::string wanted_host = domain::ascii_lower(host);
  const std::string given = domain::ascii_lower(origin);
  if (!wanted_host.empty() &&
      (given == "http://" + wanted_host || given == "https://" + wanted_host)) {
    return domain::ok_status();
  }
  return cross_origin_request("the Origin header does not name this server");
}

domain::Status check_not_cross_site(std::string_view origin, std::string_view sec_fetch_site,
                                    std::string_view host) {
  if (auto same = check_same_origin(origin, host); !same) return same;
  const std::string site = domain::ascii_lower(sec_fetch_site);
  if (site == "cross-site" || site == "same-site") {
    return cross_origin_request("Sec-Fetch-Site says the request comes from another origin");
  }
  return domain::ok_status();
}

domain::Status check_csrf_token(std::string_view presented, std::string_view expected) {
  if (presented.empty()) return csrf_token_missing("no X-CSRF-Token header");
  if (presented.size() != expected.size() ||
      sodium_memcmp(presented.data(), expected.data(), expected.size()) != 0) {
    return csrf_token_missing("the X-CSRF-Token header does not match the session");
  }
  return domain::ok_status();
}

domain::Status check_json_content_type(std::string_view content_type) {
  const std::string type = domain::ascii_lower(content_type.substr(0, content_type.find(';')));
  std::string_view trimmed = type;
  while (!trimmed.empty() && trimmed.back() == ' ') trimmed.remove_suffix(1);
  if (trimmed == "application/json") return domain::ok_status();
  return domain::Error{domain::ErrorKind::kBadInput, "UnsupportedContentType",
                       "UnsupportedContentType", "error.UnsupportedContentType",
                       "the request must have Content-Type application/json"};
}

}  // namespace sspr::http
