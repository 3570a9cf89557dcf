#include "http/static_files.h"

#include <algorithm>
#include <array>
#include <string>
#include <utility>
#include <vector>

namespace sspr::http {

const std::vector<std::pair<std::string_view, std::string_view>>& embedded_web_files();
const std::vector<std::pair<std::string_view, std::string_view>>& embedded_admin_web_files();

namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

}  // namespace

std::string_view content_type_for(std::string_view file_name) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kTypes{{
      {".html", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".json", "application/json; charset=utf-8"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".txt", "text/plain; charset=utf-8"},
  }};
  for (const auto& [extension, type] : kTypes) {
    if (ends_with(file_name, extension)) return type;
  }
  return "application/octet-stream";
}

std::optional<StaticFile> find_static_file(std::string_view path) {
  if (path.empty() || path.front() != '/') return std::nullopt;
  std::string_view name = path.substr(1);
  const auto* files = &embedded_web_files();
  constexpr std::string_view kAdmin = "admin";
  if (name == kAdmin || name.rfind("admin/", 0) == 0) {
    name = name.substr(std::min(name.size(), kAdmin.size() + 1));
    files = &embedded_admin_web_files();
  }
  if (name.empty()) name = "index.html";
  if (name.find('/') != std::string_view::npos) return std::nullopt;
  for (const auto& [file, content] : *files) {
    if (file == name) {
      const auto type = content_type_for(file);
      return StaticFile{content, type, ends_with(file, ".html")};
    }
  }
  return std::nullopt;
}

}  // namespace sspr::http
