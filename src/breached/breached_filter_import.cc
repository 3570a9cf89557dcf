#include "breached/breached_filter_import.h"

#include <chrono>

#include "breached/binary_fuse8_filter.h"
#include "breached/breached_filter_file.h"

namespace sspr::breached {
namespace {

// Fixed, so that the same input always gives the same file.
constexpr std::uint64_t kFilterSeed = 0x5353505242463801ULL;

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

domain::Result<ImportSummary> import_breached_filter(const std::string& input,
                                                     const std::string& output,
                                                     std::int64_t built_at_unix_seconds,
                                                     const ReadProgressCallback& progress) {
  ImportSummary summary;
  auto start = std::chrono::steady_clock::now();
  auto read = read_pwned_passwords(input, progress);
  if (!read) return read.error();
  summary.lines = read->lines;
  summary.files = read->files;
  summary.ignored_files = read->ignored_files;
  summary.read_seconds = seconds_since(start);

  start = std::chrono::steady_clock::now();
  auto filter = build_binary_fuse8(std::move(read->keys), kFilterSeed);
  if (!filter) return filter.error();
  auto written = write_filter_file(output, *filter, built_at_unix_seconds);
  if (!written) return written.error();
  summary.entries = filter->entry_count;
  summary.filter_bytes = kFilterHeaderSize + filter->fingerprints.size();
  summary.build_seconds = seconds_since(start);
  return summary;
}

}  // namespace sspr::breached
