#pragma once
// The session cookie: reading a Cookie header and writing Set-Cookie values.
//
// The cookie is `sspr_session=<token>; Path=/; HttpOnly; SameSite=Strict`, plus `Secure` when
// the server is reached over TLS ([session] secure_cookie). It has no Max-Age: it ends with
// the browser session, and the server ends it earlier (idle and absolute limits).

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace sspr::http {

inline constexpr std::string_view kSessionCookie = "sspr_session";

// name -> value of a Cookie header ("a=1; b=2"); the first of duplicate names wins, pairs
// without '=' are skipped, surrounding spaces are trimmed and quoted values unquoted.
std::map<std::string, std::string> parse_cookie_header(std::string_view header);

// The Set-Cookie value that stores `token`.
std::string session_cookie(std::string_view token, bool secure);
// The Set-Cookie value that makes the browser forget the session cookie.
std::string expired_session_cookie(bool secure);

}  // namespace sspr::http
