#pragma once
// Cross-site request forgery protection for requests authenticated by the session cookie.
//
//  - A state-changing request (POST, PUT, PATCH, DELETE) that carries the session cookie must
//    send header X-CSRF-Token equal to the session's CSRF token (flows/session_token.h), which
//    a page learns from POST/GET /api/v1/session: another site can make the browser send the
//    cookie, but cannot read the token.
//  - An Origin header, when present, must be the server's own origin (scheme http or https
//    and the Host header); "null" and any other origin are refused.
//  - The sign-in POST has no session yet: it needs the same-origin rule and a JSON content
//    type, which a cross-origin form cannot send without a CORS preflight (never granted).
//  - Every other state-changing request that is not authenticated by a bearer token (the
//    cookieless reset flow, the CAPTCHA, sign-in) is refused when the browser says it comes
//    from elsewhere: an Origin naming another server, or Sec-Fetch-Site "cross-site" or
//    "same-site" (another origin of the same site). Our own pages send same-origin requests;
//    clients that are not browsers send neither header and are not affected.
// Requests with a bearer token are not cookie-authenticated and are exempt.

#include <string_view>

#include "domain/error.h"
#include "domain/result.h"
#include "http/api_route.h"

namespace sspr::http {

inline constexpr std::string_view kCsrfHeader = "x-csrf-token";

bool is_state_changing(Method method);

// ok when `origin` is empty or names `host` over http or https.
domain::Status check_same_origin(std::string_view origin, std::string_view host);
// ok unless `origin` names another server or `sec_fetch_site` (the Sec-Fetch-Site header) is
// "cross-site" or "same-site"; CrossOriginRequest otherwise.
domain::Status check_not_cross_site(std::string_view origin, std::string_view sec_fetch_site,
                                    std::string_view host);
// ok when `presented` equals `expected` (constant time) and is not empty.
domain::Status check_csrf_token(std::string_view presented, std::string_view expected);
// ok when `content_type` is application/json (parameters such as charset allowed);
// UnsupportedContentType otherwise.
domain::Status check_json_content_type(std::string_view content_type);

domain::Error csrf_token_missing(const std::string& detail);
domain::Error cross_origin_request(const std::string& detail);

}  // namespace sspr::http
