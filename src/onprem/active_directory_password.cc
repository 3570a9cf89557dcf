#include "onprem/active_directory_password.h"

#include <cstdint>

namespace sspr::onprem {

namespace {

void put_unit(std::string& out, std::uint16_t unit) {
  out.push_back(static_cast<char>(unit & 0xff));
  out.push_back(static_cast<char>(unit >> 8));
}

// Decodes one UTF-8 sequence at text[i]; advances i. nullopt on malformed input.
std::optional<std::uint32_t> next_code_point(const std::string& text, std::size_t& i) {
  const auto byte = [&](std::size_t at) { return static_cast<unsigned char>(text[at]); };
  const unsigned char lead = byte(i);
  int length = 0;
  std::uint32_t cp = 0;
  if (lead < 0x80) {
    length = 1;
    cp = lead;
  } else if ((lead & 0xe0) == 0xc0) {
    length = 2;
    cp = lead & 0x1f;
  } else if ((lead & 0xf0) == 0xe0) {
    length = 3;
    cp = lead & 0x0f;
  } else if ((lead & 0xf8) == 0xf0) {
    length = 4;
    cp = lead & 0x07;
  } else {
    return std::nullopt;
  }
  if (i + length > text.size()) return std::nullopt;
  for (int k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xc0) != 0x80) return std::nullopt;
    cp = (cp << 6) | (byte(i + k) & 0x3f);
  }
  static constexpr std::uint32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMinimum[length] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
    return std::nullopt;  // overlong, out of range or a surrogate
  }
  i += length;
  return cp;
}

}  // namespace

std::optional<std::string> unicode_pwd_value(const std::string& utf8_password) {
  std::string out;
  out.reserve(2 * utf8_password.size() + 4);
  put_unit(out, '"');
  for (std::size_t i = 0; i < utf8_password.size();) {
    auto cp = next_code_point(utf8_password, i);
    if (!cp) return std::nullopt;
    if (*cp < 0x10000) {
      put_unit(out, static_cast<std::uint16_t>(*cp));
    } else {
      const std::uint32_t v = *cp - 0x10000;
      put_unit(out, static_cast<std::uint16_t>(0xd800 + (v >> 10)));
      put_unit(out, static_cast<std::uint16_t>(0xdc00 + (v & 0x3ff)));
    }
  }
  put_unit(out, '"');
  return out;
}

}  // namespace sspr::onprem
