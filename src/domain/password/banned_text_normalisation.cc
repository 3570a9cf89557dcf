#include "domain/password/banned_text_normalisation.h"

namespace sspr::domain::password {

char32_t normalise_code_point(char32_t c) {
  if (c >= U'A' && c <= U'Z') return c + 0x20;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;
  switch (c) {
    case U'0':
      return U'o';
    case U'1':
      return U'l';
    case U'$':
      return U's';
    case U'@':
      return U'a';
    default:
      return c;
  }
}

std::u32string normalise_for_banned_match(std::u32string_view text) {
  std::u32string out(text);
  for (char32_t& c : out) c = normalise_code_point(c);
  return out;
}

}  // namespace sspr::domain::password
