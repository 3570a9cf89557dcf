#include "domain/methods/email_address.h"

#include "domain/ascii_text.h"
#include "domain/methods/method_input_error.h"
#include "domain/password/utf8.h"

namespace sspr::domain::methods {
namespace {

constexpr char kInvalidKey[] = "error.InvalidEmailAddress";

bool is_forbidden_code_point(char32_t c) {
  // C0 and C1 controls, DEL, and Unicode white space.
  if (c <= 0x20 || (c >= 0x7f && c <= 0xa0)) return true;
  return c == 0x1680 || (c >= 0x2000 && c <= 0x200b) || c == 0x2028 || c == 0x2029 || c == 0x202f ||
         c == 0x205f || c == 0x3000 || c == 0xfeff;
}

}  // namespace

Result<EmailAddress> parse_email_address(std::string_view text, const std::string& field) {
  text = trim_ascii_space(text);
  if (text.empty()) return method_input_error(field, kInvalidKey, "is empty");
  if (text.size() > kMaxEmailLength) {
    return method_input_error(field, kInvalidKey, "is longer than 254 characters");
  }
  const auto code_points = password::decode_utf8(text);
  if (!code_points) return method_input_error(field, kInvalidKey, "is not valid UTF-8");
  for (const char32_t c : *code_points) {
    if (is_forbidden_code_point(c)) {
      return method_input_error(field, kInvalidKey, "contains white space or control characters");
    }
  }
  const auto at = text.find('@');
  if (at == std::string_view::npos || text.find('@', at + 1) != std::string_view::npos) {
    return method_input_error(field, kInvalidKey, "must contain exactly one @");
  }
  const std::string_view local = text.substr(0, at);
  const std::string_view domain = text.substr(at + 1);
  if (local.empty()) return method_input_error(field, kInvalidKey, "has nothing before the @");
  if (domain.find('.') == std::string_view::npos || domain.front() == '.' || domain.back() == '.' ||
      domain.find("..") != std::string_view::npos) {
    return method_input_error(field, kInvalidKey, "domain must be like example.org");
  }
  return EmailAddress{std::string(local) + "@" + ascii_lower(domain)};
}

bool is_own_mailbox(const EmailAddress& email, std::string_view mailbox) {
  return !mailbox.empty() && ascii_lower(email.value) == ascii_lower(trim_ascii_space(mailbox));
}

std::string EmailAddress::masked() const {
  const auto at = value.find('@');
  if (at == std::string::npos || at == 0) return "•••";
  // The first code point of the local part (UTF-8 lead byte plus continuation bytes).
  std::size_t first = 1;
  while (first < at && (static_cast<unsigned char>(value[first]) & 0xc0) == 0x80) ++first;
  return value.substr(0, first) + "•••" + value.substr(at);
}

}  // namespace sspr::domain::methods
