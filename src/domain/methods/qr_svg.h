#pragma once
// An SVG QR code (qrcodegen, error correction level M, 4-module quiet zone) for the
// otpauth:// URI of the authenticator registration page. The SVG scales with its viewBox,
// renders with crisp edges, and carries a <title> for screen readers (role="img").

#include <string>
#include <string_view>

namespace sspr::domain::methods {

// `text` encoded as a QR code; `title` (XML-escaped) describes it, e.g. "QR code for your
// authenticator app". Throws std::length_error when `text` exceeds QR capacity (~2300
// bytes at level M), which no otpauth URI does.
std::string qr_svg(std::string_view text, std::string_view title);

}  // namespace sspr::domain::methods
