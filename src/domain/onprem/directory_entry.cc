#include "domain/onprem/directory_entry.h"

#include <algorithm>
#include <cctype>

namespace sspr::domain::onprem {

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

void DirectoryEntry::add(std::string_view attribute, std::string value) {
  attributes_[lower(attribute)].push_back(std::move(value));
}

const std::vector<std::string>& DirectoryEntry::values(std::string_view attribute) const {
  static const std::vector<std::string> kNone;
  auto found = attributes_.find(lower(attribute));
  return found == attributes_.end() ? kNone : found->second;
}

std::string DirectoryEntry::first(std::string_view attribute) const {
  const auto& all = values(attribute);
  return all.empty() ? std::string() : all.front();
}

std::string normalized_dn(std::string_view dn) {
  std::string out;
  out.reserve(dn.size());
  for (std::size_t i = 0; i < dn.size(); ++i) {
    const char c = dn[i];
    if (c == '\\' && i + 1 < dn.size()) {  // an escaped character stays as it is
      out += c;
      out += dn[++i];
      continue;
    }
    if (c == ',' || c == '=' || c == '+') {
      while (!out.empty() && out.back() == ' ') out.pop_back();
      out += c;
      while (i + 1 < dn.size() && dn[i + 1] == ' ') ++i;
      continue;
    }
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  std::size_t start = out.find_first_not_of(' ');
  return start == std::string::npos ? std::string() : out.substr(start);
}

}  // namespace sspr::domain::onprem
