#include "domain/group.h"

namespace sspr::domain {

Status validate_group_name(const std::string& name) {
  if (name.empty()) return errors::invalid_input("name", "is required");
  if (name.size() > 256) return errors::invalid_input("name", "is longer than 256 characters");
  if (name.front() == ' ' || name.back() == ' ') {
    return errors::invalid_input("name", "may not start or end with a space");
  }
  for (unsigned char c : name) {
    if (c < 0x20 || c == 0x7f) return errors::invalid_input("name", "contains control characters");
  }
  return ok_status();
}

}  // namespace sspr::domain
