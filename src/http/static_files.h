#pragma once
// The pages of web/ (HTML, CSS, JavaScript, images), compiled into the binary by
// cmake/EmbedFiles.cmake and served at "/<file name>"; "/" is index.html. The folder is flat
// but for the administrator console, web/admin/, served at "/admin/<file name>" ("/admin" and
// "/admin/" are its index.html); any other path with another '/' names no file.

#include <optional>
#include <string_view>

namespace sspr::http {

struct StaticFile {
  std::string_view content;
  std::string_view content_type;
  bool is_page = false;  // HTML: revalidated on every load, assets may be cached
};

// The Content-Type for a file name, by extension (application/octet-stream when unknown).
std::string_view content_type_for(std::string_view file_name);

// The file a request path names, if any.
std::optional<StaticFile> find_static_file(std::string_view path);

}  // namespace sspr::http
