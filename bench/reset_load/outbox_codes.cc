#include "outbox_codes.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>

#include <nlohmann/json.hpp>

namespace sspr::bench {

std::optional<std::string> code_in(std::string_view text, std::size_t digits) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) ++end;
    if (end - i == digits) return std::string(text.substr(i, digits));
    i = end;
  }
  return std::nullopt;
}

OutboxCodes::OutboxCodes(std::string path) : path_(std::move(path)) {}

OutboxCodes::~OutboxCodes() {
  if (fd_ >= 0) ::close(fd_);
}

bool OutboxCodes::open_file() {
  if (fd_ < 0) fd_ = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
  return fd_ >= 0;
}

std::uint64_t OutboxCodes::end_offset() {
  struct stat info {};
  if (!open_file() || ::fstat(fd_, &info) != 0) return 0;
  return static_cast<std::uint64_t>(info.st_size);
}

void OutboxCodes::refresh() {
  if (!open_file()) return;
  char buffer[64 * 1024];
  for (;;) {
    const auto offset = read_to_ + pending_.size();
    const ssize_t got = ::pread(fd_, buffer, sizeof buffer, static_cast<off_t>(offset));
    if (got <= 0) return;
    pending_.append(buffer, static_cast<std::size_t>(got));
    std::size_t start = 0;
    for (std::size_t newline; (newline = pending_.find('\n', start)) != std::string::npos;
         start = newline + 1) {
      index_line(std::string_view(pending_).substr(start, newline - start), read_to_ + start);
    }
    read_to_ += start;
    pending_.erase(0, start);
  }
}

void OutboxCodes::index_line(std::string_view line, std::uint64_t offset) {
  ++lines_;
  const auto message = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!message.is_object()) return;
  const auto to = message.find("to");
  const auto channel = message.find("channel");
  const auto body = message.find("body");
  if (to == message.end() || channel == message.end() || body == message.end() ||
      !to->is_string() || !channel->is_string() || !body->is_string()) {
    return;
  }
  const std::size_t digits = channel->get_ref<const std::string&>() == "email" ? 8 : 6;
  if (auto code = code_in(body->get_ref<const std::string&>(), digits)) {
    newest_[to->get<std::string>()] = Entry{offset, std::move(*code)};
  }
}

std::optional<std::string> OutboxCodes::take(const std::string& recipient, std::uint64_t after) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (auto found = newest_.find(recipient);
        found != newest_.end() && found->second.offset >= after) {
      std::string code = std::move(found->second.code);
      newest_.erase(found);
      return code;
    }
    if (attempt == 0) refresh();
  }
  return std::nullopt;
}

}  // namespace sspr::bench
