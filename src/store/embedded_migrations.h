#pragma once
// The SQL migrations compiled into the binary (src/store/migrations/*.sql, embedded by
// cmake/EmbedFiles.cmake): (file name, content) pairs sorted by file name. The file name
// starts with the migration's version number, e.g. "0001_directory.sql".

#include <string_view>
#include <utility>
#include <vector>

namespace sspr::store {

const std::vector<std::pair<std::string_view, std::string_view>>& embedded_migrations();

}  // namespace sspr::store
