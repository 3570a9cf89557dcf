#pragma once
// Reads one-time codes from the server's file outbox (CONTRACT.md: one JSON line per message,
// the code a run of 8 digits for email, 6 for SMS and voice). The file is tailed: each
// refresh reads only what was appended since the last one, and keeps the newest code per
// recipient with the offset of its line, so a client can ask for "the code sent to X after
// offset O" (O = the file's size just before it asked for the code).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace sspr::bench {

// The run of exactly `digits` digits in `text`, if there is one.
std::optional<std::string> code_in(std::string_view text, std::size_t digits);

class OutboxCodes {
 public:
  explicit OutboxCodes(std::string path);
  ~OutboxCodes();
  OutboxCodes(const OutboxCodes&) = delete;
  OutboxCodes& operator=(const OutboxCodes&) = delete;

  // The outbox's current size: every message sent from now on starts at or after it.
  std::uint64_t end_offset();

  // The code sent to `recipient` in a line that starts at or after `after`, removed from the
  // index; reads what was appended when it is not known yet.
  std::optional<std::string> take(const std::string& recipient, std::uint64_t after);

  std::uint64_t lines_read() const { return lines_; }

 private:
  bool open_file();
  void refresh();
  void index_line(std::string_view line, std::uint64_t offset);

  struct Entry {
    std::uint64_t offset = 0;
    std::string code;
  };

  std::string path_;
  int fd_ = -1;
  std::uint64_t read_to_ = 0;  // bytes consumed, up to the last complete line
  std::string pending_;        // an incomplete last line
  std::uint64_t lines_ = 0;
  std::unordered_map<std::string, Entry> newest_;
};

}  // namespace sspr::bench
