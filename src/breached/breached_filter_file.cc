#include "breached/breached_filter_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <bit>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "breached/password_sha1_key.h"

namespace sspr::breached {
namespace {

static_assert(std::endian::native == std::endian::little,
              "the filter file is read in place and is little-endian");

constexpr char kMagic[8] = {'S', 'S', 'P', 'R', 'B', 'F', '8', '\n'};

struct FilterHeader {
  char magic[8];
  std::uint32_t version;
  std::uint32_t header_size;
  std::uint64_t seed;
  std::uint32_t segment_length;
  std::uint32_t segment_count;
  std::uint32_t array_length;
  std::uint32_t reserved;
  std::uint64_t entry_count;
  std::int64_t built_at;
  std::uint64_t checksum;
};
static_assert(sizeof(FilterHeader) == kFilterHeaderSize);

domain::Error bad_file(const std::string& path, const std::string& problem) {
  return domain::errors::invalid_input("breached filter", path + ": " + problem);
}

std::string system_error_text() { return std::strerror(errno); }

}  // namespace

std::string default_filter_path(const std::string& data_dir) {
  return (std::filesystem::path(data_dir) / "breached.filter").string();
}

std::uint64_t fingerprint_checksum(std::span<const std::uint8_t> bytes) {
  // Eight bytes at a time: h = (rotl(h, 23) ^ word) * odd constant, finalised with the length.
  constexpr std::uint64_t kMultiplier = 0x9fb21c651e98df25ULL;
  std::uint64_t h = 0x243f6a8885a308d3ULL;
  std::size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, bytes.data() + i, 8);
    h = (std::rotl(h, 23) ^ word) * kMultiplier;
  }
  std::uint64_t tail = 0;
  for (std::size_t shift = 0; i < bytes.size(); ++i, shift += 8) {
    tail |= std::uint64_t{bytes[i]} << shift;
  }
  h = (std::rotl(h, 23) ^ tail) * kMultiplier;
  h ^= bytes.size();
  h ^= h >> 29;
  h *= kMultiplier;
  return h ^ (h >> 32);
}

domain::Status write_filter_file(const std::string& path, const BinaryFuse8Filter& filter,
                                 std::int64_t built_at_unix_seconds) {
  FilterHeader header{};
  std::memcpy(header.magic, kMagic, sizeof kMagic);
  header.version = kFilterFormatVersion;
  header.header_size = kFilterHeaderSize;
  header.seed = filter.parameters.seed;
  header.segment_length = filter.parameters.segment_length;
  header.segment_count = filter.parameters.segment_count;
  header.array_length = filter.parameters.array_length;
  header.entry_count = filter.entry_count;
  header.built_at = built_at_unix_seconds;
  header.checksum = fingerprint_checksum(filter.fingerprints);

  const std::string temporary = path + ".tmp";
  std::FILE* out = std::fopen(temporary.c_str(), "wb");
  if (out == nullptr) return bad_file(temporary, "cannot create: " + system_error_text());
  bool written = std::fwrite(&header, sizeof header, 1, out) == 1;
  if (written && !filter.fingerprints.empty()) {
    written = std::fwrite(filter.fingerprints.data(), filter.fingerprints.size(), 1, out) == 1;
  }
  written = std::fflush(out) == 0 && written;
  written = ::fsync(::fileno(out)) == 0 && written;
  const std::string write_error = system_error_text();
  written = std::fclose(out) == 0 && written;
  if (!written) {
    std::remove(temporary.c_str());
    return bad_file(temporary, "cannot write: " + write_error);
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    const std::string rename_error = system_error_text();
    std::remove(temporary.c_str());
    return bad_file(path, "cannot replace: " + rename_error);
  }
  return domain::ok_status();
}

domain::Result<std::unique_ptr<BreachedFilterFile>> BreachedFilterFile::open(
    const std::string& path, bool verify_checksum) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return bad_file(path, "cannot open: " + system_error_text());
  struct stat status {};
  if (::fstat(fd, &status) != 0) {
    const std::string error = system_error_text();
    ::close(fd);
    return bad_file(path, "cannot stat: " + error);
  }
  const auto file_size = static_cast<std::uint64_t>(status.st_size);
  if (!S_ISREG(status.st_mode) || file_size < kFilterHeaderSize) {
    ::close(fd);
    return bad_file(path, "not a breached-password filter (too short: " +
                              std::to_string(file_size) + " bytes)");
  }
  void* mapping = ::mmap(nullptr, file_size, PROT_READ, MAP_SHARED, fd, 0);
  const std::string map_error = system_error_text();
  ::close(fd);  // the mapping keeps the file open
  if (mapping == MAP_FAILED) return bad_file(path, "cannot map: " + map_error);

  auto fail = [&](const std::string& problem) -> domain::Error {
    ::munmap(mapping, file_size);
    return bad_file(path, problem);
  };
  FilterHeader header;
  std::memcpy(&header, mapping, sizeof header);
  if (std::memcmp(header.magic, kMagic, sizeof kMagic) != 0) {
    return fail("not a breached-password filter (bad magic)");
  }
  if (header.version != kFilterFormatVersion) {
    return fail("unsupported filter format version " + std::to_string(header.version));
  }
  BinaryFuse8Parameters parameters{header.seed, header.segment_length, header.segment_count,
                                   header.array_length};
  if (header.header_size != kFilterHeaderSize || !parameters.consistent() ||
      (header.array_length == 0) != (header.entry_count == 0)) {
    return fail("corrupt header");
  }
  const std::uint64_t expected_size = kFilterHeaderSize + std::uint64_t{header.array_length};
  if (file_size != expected_size) {
    return fail((file_size < expected_size ? "truncated: " : "trailing data: ") +
                std::to_string(file_size) + " bytes, expected " + std::to_string(expected_size));
  }
  const auto* fingerprints = static_cast<const std::uint8_t*>(mapping) + kFilterHeaderSize;
  if (verify_checksum &&
      fingerprint_checksum({fingerprints, header.array_length}) != header.checksum) {
    return fail("checksum mismatch: the fingerprint array is corrupt");
  }
  ::madvise(mapping, file_size, MADV_RANDOM);  // lookups hit three random pages

  FilterFileInfo info{path, header.entry_count, file_size, header.built_at, parameters};
  return std::unique_ptr<BreachedFilterFile>(
      new BreachedFilterFile(mapping, file_size, std::move(info)));
}

BreachedFilterFile::BreachedFilterFile(void* mapping, std::size_t mapping_size, FilterFileInfo info)
    : mapping_(mapping), mapping_size_(mapping_size), info_(std::move(info)) {
  view_ = BinaryFuse8View(info_.parameters,
                          static_cast<const std::uint8_t*>(mapping_) + kFilterHeaderSize);
}

BreachedFilterFile::~BreachedFilterFile() { ::munmap(mapping_, mapping_size_); }

bool BreachedFilterFile::contains(std::string_view password) const {
  return view_.contains(password_sha1_key(password));
}

}  // namespace sspr::breached
