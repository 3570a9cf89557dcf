#include "domain/user_principal_name.h"

#include "domain/ascii_text.h"

#include <cctype>

namespace sspr::domain {
namespace {

bool is_local_char(unsigned char c) {
  if (std::isalnum(c)) return true;
  switch (c) {
    case '\'':
    case '.':
    case '-':
    case '_':
    case '!':
    case '#':
    case '^':
    case '~':
      return true;
    default:
      return false;
  }
}

}  // namespace

Result<std::string> parse_domain_name(std::string_view text) {
  if (text.empty()) return errors::invalid_input("domain", "is empty");
  if (text.size() > UserPrincipalName::kMaxDomain) {
    return errors::invalid_input("domain", "is longer than 48 characters");
  }
  std::string domain = ascii_lower(text);
  std::size_t labels = 0;
  std::size_t start = 0;
  while (start <= domain.size()) {
    std::size_t end = domain.find('.', start);
    if (end == std::string::npos) end = domain.size();
    std::string_view label(domain.data() + start, end - start);
    if (label.empty()) return errors::invalid_input("domain", "has an empty label");
    if (label.front() == '-' || label.back() == '-') {
      return errors::invalid_input("domain", "has a label that starts or ends with '-'");
    }
    for (unsigned char c : label) {
      if (!std::isalnum(c) && c != '-') {
        return errors::invalid_input("domain", "may only contain letters, digits, '-' and '.'");
      }
    }
    ++labels;
    start = end + 1;
  }
  if (labels < 2) return errors::invalid_input("domain", "needs at least two labels");
  return domain;
}

Result<UserPrincipalName> UserPrincipalName::parse(std::string_view text) {
  if (text.size() > kMaxTotal) {
    return errors::invalid_upn("is longer than 113 characters");
  }
  const auto at = text.find('@');
  if (at == std::string_view::npos || text.find('@', at + 1) != std::string_view::npos) {
    return errors::invalid_upn("must contain exactly one '@'");
  }
  const std::string_view local = text.substr(0, at);
  const std::string_view domain = text.substr(at + 1);
  if (local.empty()) return errors::invalid_upn("has nothing before '@'");
  if (local.size() > kMaxLocalPart) {
    return errors::invalid_upn("has more than 64 characters before '@'");
  }
  if (domain.size() > kMaxDomain) {
    return errors::invalid_upn("has more than 48 characters after '@'");
  }
  for (unsigned char c : local) {
    if (!is_local_char(c)) {
      return errors::invalid_upn("may only use A-Z a-z 0-9 ' . - _ ! # ^ ~ before '@'");
    }
  }
  if (local.front() == '.') return errors::invalid_upn("may not start with '.'");
  if (local.back() == '.') return errors::invalid_upn("may not have '.' right before '@'");
  auto parsed_domain = parse_domain_name(domain);
  if (!parsed_domain) return errors::invalid_upn("domain " + parsed_domain.error().technical);
  return UserPrincipalName(ascii_lower(local) + "@" + *parsed_domain);
}

}  // namespace sspr::domain
