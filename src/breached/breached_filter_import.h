#pragma once
// `sspr breached import`: Pwned Passwords text (file or folder of range files) -> filter file.
// Reads every key into memory (8 bytes per line), builds the binary fuse filter (peak about
// 33 bytes per distinct key; 2.85 GB measured for 100 million) and writes the file atomically.

#include <cstdint>
#include <string>

#include "breached/pwned_passwords_reader.h"
#include "domain/result.h"

namespace sspr::breached {

struct ImportSummary {
  std::uint64_t lines = 0;
  std::uint64_t entries = 0;  // distinct digests (by their 64-bit keys)
  std::size_t files = 0;
  std::size_t ignored_files = 0;
  std::uint64_t filter_bytes = 0;  // size of the written file
  double read_seconds = 0;
  double build_seconds = 0;  // construction and writing
};

domain::Result<ImportSummary> import_breached_filter(const std::string& input,
                                                     const std::string& output,
                                                     std::int64_t built_at_unix_seconds,
                                                     const ReadProgressCallback& progress = {});

}  // namespace sspr::breached
