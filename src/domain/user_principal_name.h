#pragma once
// User principal names (alice@contoso.example), with the reference product's rules:
// at most 64 characters before '@', 48 after, 113 in all; the local part uses
// A-Z a-z 0-9 ' . - _ ! # ^ ~, does not start with '.', and has no '.' right before '@';
// the domain is dot-separated labels of letters, digits and hyphens.
// UPNs compare case-insensitively, so they are kept in lower case.

#include <string>
#include <string_view>

#include "domain/result.h"

namespace sspr::domain {

class UserPrincipalName {
 public:
  static constexpr std::size_t kMaxLocalPart = 64;
  static constexpr std::size_t kMaxDomain = 48;
  static constexpr std::size_t kMaxTotal = 113;

  static Result<UserPrincipalName> parse(std::string_view text);

  const std::string& str() const { return value_; }
  std::string local_part() const { return value_.substr(0, value_.find('@')); }
  std::string domain() const { return value_.substr(value_.find('@') + 1); }

  friend bool operator==(const UserPrincipalName&, const UserPrincipalName&) = default;

 private:
  explicit UserPrincipalName(std::string value) : value_(std::move(value)) {}
  std::string value_;
};

// A DNS domain as used by tenants (contoso.example): labels of [a-z0-9-], not starting or
// ending with '-', at least two labels, at most 48 characters. Returns it lower-cased.
Result<std::string> parse_domain_name(std::string_view text);

}  // namespace sspr::domain
