#pragma once
// Locale-independent ASCII text rules shared by every layer: case-insensitive keys for names,
// domains and UPNs (non-ASCII letters are left as they are, identically on every backend),
// and trimming of ASCII white space.

#include <string>
#include <string_view>

namespace sspr::domain {

inline std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

inline bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

inline std::string_view trim_ascii_space(std::string_view text) {
  while (!text.empty() && is_ascii_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_ascii_space(text.back())) text.remove_suffix(1);
  return text;
}

}  // namespace sspr::domain
