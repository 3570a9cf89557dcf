#include "platform/password_hash_worker.h"

#include <sys/socket.h>

#include <cerrno>
#include <charconv>
#include <csignal>
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "platform/crash_output.h"
#include "platform/password_hash_messages.h"
#include "platform/thread_name.h"

namespace sspr::platform {
namespace {

namespace messages = hash_messages;

// The reply to one request; never throws.
std::string answer(const messages::Request& request, const Argon2idPasswordHasher& hasher) {
  try {
    if (request.kind == messages::RequestKind::hash) {
      return messages::encode_hashed_reply(hasher.hash(request.secret));
    }
    return messages::encode_verified_reply(hasher.verify(request.secret, request.hashed));
  } catch (const std::exception& e) {
    // The hasher's own messages name no secret ("ran out of memory").
    return messages::encode_failed_reply(e.what());
  }
}

template <typename Number>
bool parse_number(std::string_view text, Number& out) {
  const auto* end = text.data() + text.size();
  const auto parsed = std::from_chars(text.data(), end, out);
  return !text.empty() && parsed.ec == std::errc{} && parsed.ptr == end;
}

}  // namespace

int run_password_hash_worker(int fd, const Argon2idParameters& parameters) {
  std::signal(SIGINT, SIG_IGN);
  std::signal(SIGTERM, SIG_IGN);
  std::signal(SIGHUP, SIG_IGN);
  std::signal(SIGPIPE, SIG_IGN);
  if (!disable_core_dumps()) return 1;
  const Argon2idPasswordHasher hasher(parameters);
  // One byte more than the largest message, so a larger one shows as truncated.
  std::vector<char> buffer(messages::kMaxMessageBytes + 1);
  for (;;) {
    const ssize_t received = ::recv(fd, buffer.data(), buffer.size(), MSG_TRUNC);
    if (received == 0) return 0;
    if (received < 0) {
      if (errno == EINTR) continue;
      return 1;
    }
    const auto size = static_cast<std::size_t>(received);
    std::string reply;
    if (size <= messages::kMaxMessageBytes) {
      const auto request = messages::decode_request(std::string_view(buffer.data(), size));
      reply =
          request ? answer(*request, hasher) : messages::encode_failed_reply("malformed request");
    } else {
      reply = messages::encode_failed_reply("request too large");
    }
    messages::wipe(buffer.data(), std::min(size, buffer.size()));
    ssize_t sent = -1;
    do {
      sent = ::send(fd, reply.data(), reply.size(), MSG_NOSIGNAL);
    } while (sent < 0 && errno == EINTR);
    messages::wipe(reply);
    if (sent < 0) return 1;
  }
}

int password_hash_worker_main(int argc, char** argv) {
  Argon2idParameters parameters;
  if (argc != 4 || !parse_number(argv[2], parameters.memory_kib) ||
      !parse_number(argv[3], parameters.iterations)) {
    std::fprintf(stderr, "usage: sspr %s MEMORY_KIB ITERATIONS (started by sspr serve)\n",
                 std::string(kPasswordHashWorkerCommand).c_str());
    return 2;
  }
  name_current_thread("sspr-hash");  // the process as ps and top show it
  try {
    return run_password_hash_worker(kPasswordHashWorkerFd, parameters);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "sspr: error: password hashing process: %s\n", e.what());
    return 1;
  }
}

}  // namespace sspr::platform
