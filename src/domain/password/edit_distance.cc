#include "domain/password/edit_distance.h"

#include <utility>

namespace sspr::domain::password {

bool within_one_edit(std::u32string_view a, std::u32string_view b) {
  if (a.size() < b.size()) std::swap(a, b);
  if (a.size() - b.size() > 1) return false;
  std::size_t prefix = 0;
  while (prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  if (prefix == b.size()) return true;  // equal, or `a` has one extra character at the end
  // Skip the one differing character: in both when the lengths are equal (a change), in the
  // longer one otherwise (an insertion); the rest must then be equal.
  const std::size_t skip_b = a.size() == b.size() ? 1 : 0;
  return a.substr(prefix + 1) == b.substr(prefix + skip_b);
}

}  // namespace sspr::domain::password
