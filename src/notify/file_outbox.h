#pragma once
// The development transport (CONTRACT.md): every message, of any channel, becomes one JSON
// line appended to a file:
//   {"time": ISO, "channel": "email"|"sms"|"voice", "to": "...", "subject": "...", "body": "..."}
// Each line is written with one write(2) on a descriptor opened with O_APPEND, so lines from
// several threads or processes (several server nodes on one host, the CLI next to the
// server) never interleave. The file is created with mode 0600: it holds codes.
// The descriptor is kept open between messages (issue 5: opening it each time cost more than
// the write) and opened again when the path no longer names the same file (removed, rotated).

#include <mutex>
#include <string>

#include "domain/clock.h"
#include "notify/notifier.h"

namespace sspr::notify {

class FileOutbox final : public Notifier {
 public:
  FileOutbox(std::string path, const domain::Clock& clock);
  ~FileOutbox() override;
  FileOutbox(const FileOutbox&) = delete;
  FileOutbox& operator=(const FileOutbox&) = delete;

  domain::Status send(const OutgoingMessage& message) override;

  const std::string& path() const { return path_; }

 private:
  // The open descriptor for path_, opened again when the path names another file now; -1
  // with errno set when it cannot be opened. Called with mutex_ held.
  int descriptor();

  std::string path_;
  const domain::Clock& clock_;
  std::mutex mutex_;
  int fd_ = -1;
};

// The outbox line for `message` sent at `time_iso`, with its trailing newline.
std::string outbox_line(const OutgoingMessage& message, const std::string& time_iso);

}  // namespace sspr::notify
