#pragma once
// The on-disk breached-password filter and its memory-mapped reader.
//
// File format, version 1 (all integers little-endian; 64-byte header, then the fingerprints):
//   offset  size  field
//        0     8  magic "SSPRBF8\n"
//        8     4  format version (1)
//       12     4  header size in bytes (64)
//       16     8  filter seed
//       24     4  segment length (a power of two)
//       28     4  segment count
//       32     4  fingerprint array length = (segment count + 2) * segment length
//       36     4  reserved, 0
//       40     8  entry count (distinct keys)
//       48     8  built at, seconds since the Unix epoch
//       56     8  checksum of the fingerprint array (fingerprint_checksum below)
//       64     n  fingerprints, one byte each, n = array length; the file ends there
// A filter is written to PATH.tmp and renamed over PATH, so a reader never sees half a file.

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "breached/binary_fuse8_filter.h"
#include "domain/password/breached_password_list.h"
#include "domain/result.h"

namespace sspr::breached {

inline constexpr std::size_t kFilterHeaderSize = 64;
inline constexpr std::uint32_t kFilterFormatVersion = 1;

// Where the server and the CLI look for the filter by default: DATA_DIR/breached.filter.
std::string default_filter_path(const std::string& data_dir);

// A 64-bit checksum of a byte array (not cryptographic: it detects corruption, not tampering).
std::uint64_t fingerprint_checksum(std::span<const std::uint8_t> bytes);

// Writes `filter` to `path` atomically (PATH.tmp, then rename).
domain::Status write_filter_file(const std::string& path, const BinaryFuse8Filter& filter,
                                 std::int64_t built_at_unix_seconds);

struct FilterFileInfo {
  std::string path;
  std::uint64_t entry_count = 0;
  std::uint64_t file_size = 0;
  std::int64_t built_at_unix_seconds = 0;
  BinaryFuse8Parameters parameters;
};

// A filter file mapped read-only into memory. Lookups touch three bytes of the mapping, so
// after the first lookups the hot pages sit in the page cache shared by all processes.
class BreachedFilterFile final : public domain::password::BreachedPasswordList {
 public:
  // Maps and validates `path`: magic, version, header consistency, exact file size and (when
  // `verify_checksum`, about 30 ms per 100 million entries) the fingerprint checksum. A
  // missing, truncated or corrupt file is an error naming the path and the problem.
  static domain::Result<std::unique_ptr<BreachedFilterFile>> open(const std::string& path,
                                                                  bool verify_checksum = true);
  ~BreachedFilterFile() override;
  BreachedFilterFile(const BreachedFilterFile&) = delete;
  BreachedFilterFile& operator=(const BreachedFilterFile&) = delete;

  // Whether the SHA-1 of `password` is in the filter (BreachedPasswordList port).
  bool contains(std::string_view password) const override;
  bool contains_password(std::string_view password) const { return contains(password); }
  bool contains_key(std::uint64_t key) const { return view_.contains(key); }
  const FilterFileInfo& info() const { return info_; }

 private:
  BreachedFilterFile(void* mapping, std::size_t mapping_size, FilterFileInfo info);

  void* mapping_ = nullptr;
  std::size_t mapping_size_ = 0;
  FilterFileInfo info_;
  BinaryFuse8View view_;
};

}  // namespace sspr::breached
