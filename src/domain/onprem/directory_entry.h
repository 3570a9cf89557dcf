#pragma once
// One entry read from an on-premises directory, as plain values: its DN and its attributes
// (names compared case-insensitively, as LDAP does; values as the directory sent them, binary
// ones such as objectGUID included byte for byte).

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace sspr::domain::onprem {

class DirectoryEntry {
 public:
  DirectoryEntry() = default;
  explicit DirectoryEntry(std::string dn) : dn_(std::move(dn)) {}

  const std::string& dn() const { return dn_; }
  // Appends a value of `attribute`.
  void add(std::string_view attribute, std::string value);
  // Every value of `attribute`, empty when it has none.
  const std::vector<std::string>& values(std::string_view attribute) const;
  // The first value of `attribute`, "" when it has none.
  std::string first(std::string_view attribute) const;

 private:
  std::string dn_;
  std::map<std::string, std::vector<std::string>> attributes_;  // lower-case names
};

// A DN in a form that compares equal for the same entry however the directory spelled it in a
// `member` value: lower case, no spaces around ',' '=' or '+'.
std::string normalized_dn(std::string_view dn);

}  // namespace sspr::domain::onprem
