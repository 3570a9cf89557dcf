#pragma once
// Text made safe to place inside XML element content or a quoted attribute value (the QR
// code's SVG title, a voice provider's TwiML): & < > " ' become entities.

#include <string>
#include <string_view>

namespace sspr::domain {

std::string xml_escape(std::string_view text);

}  // namespace sspr::domain
