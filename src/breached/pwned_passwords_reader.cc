#include "breached/pwned_passwords_reader.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string_view>

namespace sspr::breached {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kReadBufferSize = std::size_t{4} << 20;
constexpr std::size_t kKeyHexDigits = 16;
constexpr std::int8_t kNotHex = -1;

constexpr std::array<std::int8_t, 256> make_hex_table() {
  std::array<std::int8_t, 256> table{};
  for (auto& entry : table) entry = kNotHex;
  for (int c = '0'; c <= '9'; ++c) table[c] = static_cast<std::int8_t>(c - '0');
  for (int c = 'a'; c <= 'f'; ++c) table[c] = static_cast<std::int8_t>(c - 'a' + 10);
  for (int c = 'A'; c <= 'F'; ++c) table[c] = static_cast<std::int8_t>(c - 'A' + 10);
  return table;
}
constexpr auto kHex = make_hex_table();

int hex_value(char c) { return kHex[static_cast<unsigned char>(c)]; }

// A file to read: its path, and for a range file the key bits of its 5-digit prefix.
struct InputFile {
  fs::path path;
  std::uint64_t size = 0;
  bool range = false;
  std::uint64_t prefix_key = 0;  // the prefix in the top 20 bits
};

// "0A1B2" or "0A1B2.txt" -> the prefix; anything else -> nullopt.
std::optional<std::uint64_t> range_prefix(const std::string& file_name) {
  std::string_view name = file_name;
  if (name.size() == 9 && name.substr(5) == ".txt") name = name.substr(0, 5);
  if (name.size() != 5) return std::nullopt;
  std::uint64_t prefix = 0;
  for (char c : name) {
    const int value = hex_value(c);
    if (value == kNotHex) return std::nullopt;
    prefix = (prefix << 4) | static_cast<std::uint64_t>(value);
  }
  return prefix << 44;
}

class LineParser {
 public:
  LineParser(const InputFile& file, PwnedPasswordsKeys& out)
      : file_(file), out_(out), hex_digits_(file.range ? 35 : 40) {}

  // Parses one line without its terminator; false when malformed.
  bool parse(std::string_view line) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) return true;  // blank
    if (line.size() < hex_digits_ + 2 || line[hex_digits_] != ':') return false;
    std::uint64_t key = file_.prefix_key;
    const std::size_t key_digits = file_.range ? kKeyHexDigits - 5 : kKeyHexDigits;
    bool valid = true;
    for (std::size_t i = 0; i < hex_digits_; ++i) {
      const int value = hex_value(line[i]);
      valid &= value != kNotHex;
      if (i < key_digits) {
        key |= static_cast<std::uint64_t>(value & 0xf) << (4 * (key_digits - 1 - i));
      }
    }
    for (std::size_t i = hex_digits_ + 1; i < line.size(); ++i) {
      valid &= line[i] >= '0' && line[i] <= '9';
    }
    if (!valid) return false;
    out_.keys.push_back(key);
    return true;
  }

  std::size_t hex_digits() const { return hex_digits_; }

 private:
  const InputFile& file_;
  PwnedPasswordsKeys& out_;
  std::size_t hex_digits_;
};

domain::Error input_error(const std::string& where, const std::string& problem) {
  return domain::errors::invalid_input("breached import", where + ": " + problem);
}

domain::Status read_file(const InputFile& file, PwnedPasswordsKeys& out, ReadProgress& progress,
                         const ReadProgressCallback& callback, std::uint64_t interval,
                         std::vector<char>& buffer) {
  const std::string name = file.path.string();
  const int fd = ::open(name.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return input_error(name, std::string("cannot open: ") + std::strerror(errno));
  ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  LineParser parser(file, out);
  std::uint64_t line_number = 0;
  std::size_t pending = 0;  // bytes of an unfinished line at the start of the buffer
  bool end_of_file = false;
  while (!end_of_file) {
    const ssize_t got = ::read(fd, buffer.data() + pending, buffer.size() - pending);
    if (got < 0) {
      if (errno == EINTR) continue;
      const std::string error = std::strerror(errno);
      ::close(fd);
      return input_error(name, "cannot read: " + error);
    }
    end_of_file = got == 0;
    progress.bytes_read += static_cast<std::uint64_t>(got);
    const char* begin = buffer.data();
    const char* end = buffer.data() + pending + got;
    const char* line = begin;
    while (true) {
      const char* newline =
          static_cast<const char*>(std::memchr(line, '\n', static_cast<std::size_t>(end - line)));
      if (newline == nullptr) {
        if (!end_of_file || line == end) break;
        newline = end;  // the last line has no terminator
      }
      ++line_number;
      if (!parser.parse(std::string_view(line, static_cast<std::size_t>(newline - line)))) {
        ::close(fd);
        return input_error(name + ":" + std::to_string(line_number),
                           "malformed line: expected " + std::to_string(parser.hex_digits()) +
                               " hex digits, ':' and a decimal count");
      }
      if (++progress.lines % interval == 0 && callback) callback(progress);
      line = newline == end ? end : newline + 1;
      if (line == end) break;
    }
    pending = static_cast<std::size_t>(end - line);
    if (pending == buffer.size()) {
      ::close(fd);
      return input_error(name + ":" + std::to_string(line_number + 1), "line too long");
    }
    std::memmove(buffer.data(), line, pending);
  }
  ::close(fd);
  out.lines = progress.lines;
  ++out.files;
  ++progress.files_done;
  if (callback) callback(progress);
  return domain::ok_status();
}

}  // namespace

domain::Result<PwnedPasswordsKeys> read_pwned_passwords(const std::string& path,
                                                        const ReadProgressCallback& progress,
                                                        std::uint64_t progress_interval_lines) {
  PwnedPasswordsKeys out;
  std::vector<InputFile> files;
  std::error_code error;
  const auto status = fs::status(path, error);
  if (error || !fs::exists(status)) return input_error(path, "no such file or folder");
  if (fs::is_directory(status)) {
    for (fs::directory_iterator it(path, error), end; !error && it != end; it.increment(error)) {
      const auto prefix = range_prefix(it->path().filename().string());
      std::error_code type_error;
      if (!prefix || !it->is_regular_file(type_error)) {
        ++out.ignored_files;
        continue;
      }
      files.push_back(InputFile{it->path(), it->file_size(type_error), true, *prefix});
    }
    if (error) return input_error(path, "cannot list folder: " + error.message());
    if (files.empty()) {
      return input_error(path, "folder has no range files (named by 5 hex digits, e.g. 0A1B2)");
    }
    std::sort(files.begin(), files.end(),
              [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
  } else {
    files.push_back(InputFile{path, fs::file_size(path, error), false, 0});
  }

  ReadProgress read_progress;
  read_progress.files_total = files.size();
  for (const auto& file : files) read_progress.bytes_total += file.size;
  // Digest lines are about 40 to 45 bytes: reserve once instead of growing (and copying)
  // gigabytes of keys.
  out.keys.reserve(static_cast<std::size_t>(read_progress.bytes_total / 38 + 16));
  std::vector<char> buffer(kReadBufferSize);
  const std::uint64_t interval = std::max<std::uint64_t>(progress_interval_lines, 1);
  for (const auto& file : files) {
    auto read = read_file(file, out, read_progress, progress, interval, buffer);
    if (!read) return read.error();
  }
  return out;
}

}  // namespace sspr::breached
