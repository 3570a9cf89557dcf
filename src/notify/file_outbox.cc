#include "notify/file_outbox.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "notify/masked_recipient.h"

namespace sspr::notify {
namespace {

domain::Error outbox_failure(const OutgoingMessage& message, const std::string& path,
                             const std::string& reason) {
  return domain::errors::notification_failed(std::string(to_string(message.channel)) + " to " +
                                                 mask_recipient(message.channel, message.to) +
                                                 ": outbox " + path + ": " + reason,
                                             /*permanent=*/false);
}

}  // namespace

std::string outbox_line(const OutgoingMessage& message, const std::string& time_iso) {
  nlohmann::ordered_json line = {{"time", time_iso},
                                 {"channel", to_string(message.channel)},
                                 {"to", message.to},
                                 {"subject", message.subject},
                                 {"body", message.body}};
  // Invalid UTF-8 is replaced, never thrown on: a message is always recorded.
  return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

FileOutbox::FileOutbox(std::string path, const domain::Clock& clock)
    : path_(std::move(path)), clock_(clock) {}

FileOutbox::~FileOutbox() {
  if (fd_ >= 0) ::close(fd_);
}

int FileOutbox::descriptor() {
  if (fd_ >= 0) {
    struct stat named {};
    struct stat open {};
    if (::stat(path_.c_str(), &named) == 0 && ::fstat(fd_, &open) == 0 &&
        named.st_dev == open.st_dev && named.st_ino == open.st_ino) {
      return fd_;
    }
    ::close(fd_);
    fd_ = -1;
  }
  const auto folder = std::filesystem::path(path_).parent_path();
  if (!folder.empty()) {
    std::error_code ignored;  // a real problem shows up as open() failing below
    std::filesystem::create_directories(folder, ignored);
  }
  fd_ = ::open(path_.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  return fd_;
}

domain::Status FileOutbox::send(const OutgoingMessage& message) {
  const std::string line = outbox_line(message, domain::to_iso8601(clock_.now()));
  const std::lock_guard<std::mutex> lock(mutex_);
  const int fd = descriptor();
  if (fd < 0) return outbox_failure(message, path_, std::strerror(errno));
  ssize_t written;
  do {
    written = ::write(fd, line.data(), line.size());
  } while (written < 0 && errno == EINTR);
  if (written < 0) return outbox_failure(message, path_, std::strerror(errno));
  if (static_cast<std::size_t>(written) != line.size()) {
    return outbox_failure(message, path_, "short write (disk full?)");
  }
  return domain::ok_status();
}

}  // namespace sspr::notify
