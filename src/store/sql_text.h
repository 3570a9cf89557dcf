#pragma once
// Text rules the store applies the same way on both backends.

#include <string>

namespace sspr::store {

// ASCII lower case: the key for case-insensitive names and domains. Done here rather than
// with SQL lower(), whose treatment of non-ASCII letters differs between SQLite and
// PostgreSQL.
inline std::string ascii_lower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

}  // namespace sspr::store
