#include "http/path_pattern.h"

#include <stdexcept>

namespace sspr::http {
namespace {

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equal_ignoring_ascii_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Characters path2regex would give a meaning to in a pattern; a literal segment has none.
bool is_literal_char(char c) {
  constexpr std::string_view kSpecial = ":()*?+[]{}\\^$|.";
  return c > ' ' && c != 0x7f && kSpecial.find(c) == std::string_view::npos;
}

}  // namespace

std::optional<std::vector<std::string_view>> split_path(std::string_view path) {
  if (path.empty() || path.front() != '/') return std::nullopt;
  path.remove_prefix(1);
  // One trailing '/' is allowed ("/api/v1/users/"); "/" itself is the empty path.
  if (!path.empty() && path.back() == '/') path.remove_suffix(1);
  std::vector<std::string_view> segments;
  if (path.empty()) {
    segments.emplace_back();
    return segments;
  }
  for (;;) {
    const auto slash = path.find('/');
    segments.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

PathPattern::PathPattern(std::string_view pattern) : text_(pattern) {
  const auto invalid = [&](const std::string& why) {
    return std::invalid_argument("route pattern \"" + text_ + "\": " + why);
  };
  if (pattern.size() < 2 || pattern.front() != '/' || pattern.back() == '/') {
    throw invalid("must start with '/' and name at least one segment, without a trailing '/'");
  }
  auto parts = split_path(pattern);
  for (const auto part : *parts) {
    if (part.empty()) throw invalid("empty segment");
    if (part.front() == ':') {
      const auto name = part.substr(1);
      if (name.empty()) throw invalid("parameter without a name");
      for (const char c : name) {
        if (!is_name_char(c)) throw invalid("parameter names are letters, digits and '_'");
      }
      names_.emplace_back(name);
      segments_.push_back({"", true});
      continue;
    }
    for (const char c : part) {
      if (!is_literal_char(c)) throw invalid("unsupported character in a literal segment");
    }
    segments_.push_back({std::string(part), false});
  }
}

bool PathPattern::match(const std::vector<std::string_view>& segments,
                        std::vector<std::string_view>& values) const {
  if (segments.size() != segments_.size()) return false;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const auto& own = segments_[i];
    if (own.parameter ? segments[i].empty()
                      : !equal_ignoring_ascii_case(segments[i], own.literal)) {
      return false;
    }
  }
  values.clear();
  for (std::size_t i = 0; i < segments.size(); ++i) {
    if (segments_[i].parameter) values.push_back(segments[i]);
  }
  return true;
}

}  // namespace sspr::http
