#pragma once
// Headers sent on every API response: no caching of (possibly personal) data, no MIME
// sniffing, no referrer leaks, no framing, and a CSP that lets a JSON response load nothing.

#include <array>
#include <string_view>
#include <utility>

namespace sspr::http {

inline constexpr std::string_view kJsonContentType = "application/json; charset=utf-8";

inline constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kApiSecurityHeaders{{
    {"Cache-Control", "no-store"},
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "no-referrer"},
    {"X-Frame-Options", "DENY"},
    {"Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"},
}};

// Headers of the pages in web/: scripts, styles, images and fetches only from this server,
// no inline script or style (no 'unsafe-inline'), no framing, no plugins.
inline constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kPageSecurityHeaders{{
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "no-referrer"},
    {"X-Frame-Options", "DENY"},
    {"Content-Security-Policy",
     "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
     "connect-src 'self'; worker-src 'self'; form-action 'self'; base-uri 'none'; "
     "frame-ancestors 'none'"},
}};

}  // namespace sspr::http
