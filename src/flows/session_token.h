#pragma once
// What a session token (256 random bits, 64 hex characters, in the sspr_session cookie)
// turns into:
//   - the session id in the store: the keyed digest of the token (platform/token_digest),
//     so the stored id cannot be replayed as a cookie;
//   - the CSRF token: a keyed digest of the token under another label. It is derived, not
//     stored: whoever holds the cookie's value (only the browser: the cookie is HttpOnly) or
//     is told it by GET /api/v1/session can present it, and it cannot be computed from the
//     stored session id.

#include <string>
#include <string_view>

namespace sspr::flows {

std::string session_id_of(std::string_view token);
std::string csrf_token_of(std::string_view token);

}  // namespace sspr::flows
