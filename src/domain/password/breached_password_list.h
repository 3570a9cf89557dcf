#pragma once
// Port: a list of passwords known from data breaches (SPEC §8, "breached passwords"). The
// domain only asks whether a password is on it; the adapter (src/breached) answers from an
// imported filter file. Implementations may report false positives at a small, documented
// rate (a rejected good password is an inconvenience) but never false negatives.

#include <string_view>

namespace sspr::domain::password {

class BreachedPasswordList {
 public:
  virtual ~BreachedPasswordList() = default;

  // Whether `password` (the exact bytes as entered, UTF-8) appears on the list.
  virtual bool contains(std::string_view password) const = 0;
};

}  // namespace sspr::domain::password
