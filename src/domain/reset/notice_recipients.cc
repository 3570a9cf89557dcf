#include "domain/reset/notice_recipients.h"

#include <set>

#include "domain/ascii_text.h"

namespace sspr::domain::reset {

namespace {

// Adds `address` unless empty or already there (case-insensitively); says whether it did.
bool add_once(std::vector<std::string>& out, std::set<std::string>& seen,
              std::string_view address) {
  address = trim_ascii_space(address);
  if (address.empty() || !seen.insert(ascii_lower(address)).second) return false;
  out.emplace_back(address);
  return true;
}

}  // namespace

std::vector<std::string> user_notice_recipients(std::string_view primary,
                                                std::string_view alternate) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  add_once(out, seen, primary);
  add_once(out, seen, alternate);
  return out;
}

std::vector<std::string> administrator_recipients(const std::vector<AdministratorContact>& admins,
                                                  std::string_view about_upn) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  const std::string about = ascii_lower(about_upn);
  for (const auto& admin : admins) {
    if (out.size() >= kMaxAdministratorRecipients) break;
    if (!admin.enabled || ascii_lower(admin.upn) == about) continue;
    add_once(out, seen, admin.email);
  }
  return out;
}

}  // namespace sspr::domain::reset
