#include "notify/masked_recipient.h"

namespace sspr::notify {
namespace {

std::string mask_email(std::string_view to) {
  const auto at = to.rfind('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == to.size()) return "***";
  const unsigned char first = static_cast<unsigned char>(to.front());
  const std::string shown = first < 0x80 ? std::string(1, static_cast<char>(first)) : "*";
  return shown + "***" + std::string(to.substr(at));
}

std::string mask_phone(std::string_view to) {
  std::string digits;
  for (char c : to) {
    if (c >= '0' && c <= '9') digits.push_back(c);
  }
  if (digits.size() < 6) return "***";
  std::string out = to.starts_with('+') ? "+" : "";
  out.append(digits.size() - 2, '*');
  out.append(digits, digits.size() - 2, 2);
  return out;
}

}  // namespace

std::string mask_recipient(Channel channel, std::string_view to) {
  return channel == Channel::kEmail ? mask_email(to) : mask_phone(to);
}

}  // namespace sspr::notify
