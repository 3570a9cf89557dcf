#pragma once
// Reads the Pwned Passwords SHA-1 text format into filter keys, streaming (the full corpus is
// tens of gigabytes of text; only the 8-byte keys are kept).
//
// Accepted input:
//   - one file of lines "HEX40:COUNT" (the SHA-1 digest in 40 hex digits, either case, then a
//     colon and a decimal count), or
//   - a folder of range files as the Pwned Passwords range API and downloader produce: each
//     named by a 5-hex-digit prefix (optionally with a ".txt" extension), its lines
//     "HEX35:COUNT" carrying the remaining 35 hex digits. Other files in the folder are
//     ignored (and counted).
// Lines may end in "\r\n"; blank lines are skipped. Any other line is an error naming the
// file and line number (never the line's text).

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "domain/result.h"

namespace sspr::breached {

struct ReadProgress {
  std::uint64_t lines = 0;       // lines read so far, blank ones included
  std::uint64_t bytes_read = 0;  // of bytes_total
  std::uint64_t bytes_total = 0;
  std::size_t files_done = 0;  // of files_total
  std::size_t files_total = 0;
};

// Called every `progress_interval_lines` lines and after each file.
using ReadProgressCallback = std::function<void(const ReadProgress&)>;

struct PwnedPasswordsKeys {
  std::vector<std::uint64_t> keys;  // one per digest line, in file order, not deduplicated
  std::uint64_t lines = 0;
  std::size_t files = 0;
  std::size_t ignored_files = 0;  // folder entries that are not range files
};

domain::Result<PwnedPasswordsKeys> read_pwned_passwords(
    const std::string& path, const ReadProgressCallback& progress = {},
    std::uint64_t progress_interval_lines = std::uint64_t{1} << 20);

}  // namespace sspr::breached
