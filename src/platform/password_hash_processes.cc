#include "platform/password_hash_processes.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <thread>

#include "domain/error.h"
#include "platform/password_hash_messages.h"
#include "platform/password_hash_worker.h"

extern char** environ;

namespace sspr::platform {
namespace {

namespace messages = hash_messages;
using namespace std::chrono_literals;

// Wipes a string that held a secret however the scope ends.
class WipeOnExit {
 public:
  explicit WipeOnExit(std::string& text) : text_(text) {}
  ~WipeOnExit() { messages::wipe(text_); }
  WipeOnExit(const WipeOnExit&) = delete;
  WipeOnExit& operator=(const WipeOnExit&) = delete;

 private:
  std::string& text_;
};

timeval to_timeval(std::chrono::seconds seconds) {
  timeval out{};
  out.tv_sec = static_cast<time_t>(seconds.count());
  return out;
}

std::string system_error(const char* what, int error) {
  return std::string(what) + ": " + std::strerror(error);
}

// One request and its reply on a worker's socket; nullopt when the worker failed (gone, hung,
// or an answer that is no reply of the expected kind).
std::optional<messages::Reply> round_trip(int fd, const std::string& request,
                                          messages::ReplyKind expected) {
  ssize_t sent = -1;
  do {
    sent = ::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
  } while (sent < 0 && errno == EINTR);
  if (sent != static_cast<ssize_t>(request.size())) return std::nullopt;
  // A reply holds no secret (a hash string or a yes/no): nothing to wipe. MSG_TRUNC gives its
  // whole length, so a reply larger than the buffer shows as one.
  char buffer[messages::kMaxReplyBytes + 1];
  ssize_t received = -1;
  do {
    received = ::recv(fd, buffer, sizeof buffer, MSG_TRUNC);
  } while (received < 0 && errno == EINTR);
  if (received <= 0 || static_cast<std::size_t>(received) > messages::kMaxReplyBytes) {
    return std::nullopt;
  }
  auto reply = messages::decode_reply(std::string_view(buffer, received));
  if (!reply || (reply->kind != expected && reply->kind != messages::ReplyKind::failed)) {
    return std::nullopt;
  }
  return reply;
}

}  // namespace

PasswordHashProcesses::PasswordHashProcesses(std::string executable,
                                             const Argon2idParameters& parameters)
    : executable_(std::move(executable)), parameters_(parameters), in_thread_(parameters) {}

domain::Result<std::unique_ptr<PasswordHashProcesses>> PasswordHashProcesses::start(
    const std::string& executable, const Argon2idParameters& parameters, std::size_t count) {
  // Argon2idPasswordHasher's constructor checks the parameters before any process starts.
  std::unique_ptr<PasswordHashProcesses> pool(new PasswordHashProcesses(executable, parameters));
  if (count == 0) count = 1;
  pool->workers_.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    auto worker = pool->spawn();
    if (!worker) return worker.error();
    pool->workers_.push_back(*worker);
    pool->idle_.push_back(i);
  }
  // Each worker answers once before the server relies on it: a verification against a string
  // that is no hash is refused at once, without hashing.
  for (const Worker& worker : pool->workers_) {
    const auto probe = messages::encode_request(messages::RequestKind::verify, "probe", "-");
    const auto reply = round_trip(worker.fd, *probe, messages::ReplyKind::verified);
    if (!reply || reply->kind != messages::ReplyKind::verified) {
      return domain::errors::internal("the password hashing process " + executable +
                                      " did not answer (is it an sspr binary of this version?)");
    }
  }
  return pool;
}

PasswordHashProcesses::~PasswordHashProcesses() {
  // End of file tells each worker to exit; one that has not within a second is killed.
  for (Worker& worker : workers_) {
    if (worker.fd >= 0) ::close(worker.fd);
    worker.fd = -1;
  }
  const auto deadline = std::chrono::steady_clock::now() + 1s;
  for (Worker& worker : workers_) {
    if (worker.pid <= 0) continue;
    while (::waitpid(worker.pid, nullptr, WNOHANG) == 0) {
      if (std::chrono::steady_clock::now() >= deadline) {
        ::kill(worker.pid, SIGKILL);
        ::waitpid(worker.pid, nullptr, 0);
        break;
      }
      std::this_thread::sleep_for(5ms);
    }
    worker.pid = -1;
  }
}

domain::Result<PasswordHashProcesses::Worker> PasswordHashProcesses::spawn() const {
  int ends[2];
  if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, ends) != 0) {
    return domain::errors::internal(
        system_error("password hashing process: socketpair failed", errno));
  }
  int child_end = ends[1];
  // posix_spawn's dup2 onto the same number would leave close-on-exec set: move it off first.
  if (child_end == kPasswordHashWorkerFd) {
    child_end = ::fcntl(ends[1], F_DUPFD_CLOEXEC, kPasswordHashWorkerFd + 1);
    ::close(ends[1]);
  }
  const std::string memory = std::to_string(parameters_.memory_kib);
  const std::string iterations = std::to_string(parameters_.iterations);
  const std::string command(kPasswordHashWorkerCommand);
  char* argv[] = {const_cast<char*>(executable_.c_str()), const_cast<char*>(command.c_str()),
                  const_cast<char*>(memory.c_str()), const_cast<char*>(iterations.c_str()),
                  nullptr};
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attributes;
  ::posix_spawn_file_actions_init(&actions);
  ::posix_spawnattr_init(&attributes);
  // Only stdin, stdout, stderr and the socket go to the worker.
  ::posix_spawn_file_actions_adddup2(&actions, child_end, kPasswordHashWorkerFd);
  ::posix_spawn_file_actions_addclosefrom_np(&actions, kPasswordHashWorkerFd + 1);
  // The calling thread may block signals (the server's do): the worker starts with none blocked.
  sigset_t none;
  sigemptyset(&none);
  ::posix_spawnattr_setsigmask(&attributes, &none);
  ::posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK);
  pid_t pid = -1;
  const int failed = child_end < 0 ? errno
                                   : ::posix_spawn(&pid, executable_.c_str(), &actions, &attributes,
                                                   argv, environ);
  ::posix_spawn_file_actions_destroy(&actions);
  ::posix_spawnattr_destroy(&attributes);
  if (child_end >= 0) ::close(child_end);
  if (failed != 0) {
    ::close(ends[0]);
    return domain::errors::internal(
        system_error(("password hashing process: could not start " + executable_).c_str(), failed));
  }
  const timeval reply_patience = to_timeval(kReplyPatience);
  ::setsockopt(ends[0], SOL_SOCKET, SO_RCVTIMEO, &reply_patience, sizeof reply_patience);
  ::setsockopt(ends[0], SOL_SOCKET, SO_SNDTIMEO, &reply_patience, sizeof reply_patience);
  return Worker{pid, ends[0]};
}

void PasswordHashProcesses::stop(Worker& worker) {
  if (worker.pid > 0) {
    ::kill(worker.pid, SIGKILL);
    ::waitpid(worker.pid, nullptr, 0);
  }
  if (worker.fd >= 0) ::close(worker.fd);
  worker = Worker{};
}

std::string PasswordHashProcesses::hash(std::string_view secret) const {
  auto request = messages::encode_request(messages::RequestKind::hash, secret);
  if (!request) return in_thread_.hash(secret);
  WipeOnExit wipe_request(*request);
  auto reply = exchange(*request, messages::ReplyKind::hashed);
  return std::move(reply.text);
}

bool PasswordHashProcesses::verify(std::string_view secret, const std::string& hashed) const {
  auto request = messages::encode_request(messages::RequestKind::verify, secret, hashed);
  if (!request) return in_thread_.verify(secret, hashed);
  WipeOnExit wipe_request(*request);
  return exchange(*request, messages::ReplyKind::verified).match;
}

hash_messages::Reply PasswordHashProcesses::exchange(const std::string& request,
                                                     hash_messages::ReplyKind expected) const {
  std::size_t index = 0;
  {
    std::unique_lock lock(mutex_);
    idle_cv_.wait(lock, [&] { return !idle_.empty(); });
    index = idle_.back();
    idle_.pop_back();
  }
  // The worker is this call's alone until it goes back to idle_, whatever happens below.
  struct GiveBack {
    const PasswordHashProcesses& owner;
    std::size_t index;
    ~GiveBack() {
      {
        std::lock_guard lock(owner.mutex_);
        owner.idle_.push_back(index);
      }
      owner.idle_cv_.notify_one();
    }
  } give_back{*this, index};

  for (int attempt = 0; attempt < 2; ++attempt) {
    Worker worker;
    {
      std::lock_guard lock(mutex_);
      worker = workers_[index];
    }
    if (worker.fd < 0) {
      auto fresh = spawn();
      if (!fresh) throw std::runtime_error(fresh.error().technical);
      worker = *fresh;
      std::lock_guard lock(mutex_);
      workers_[index] = worker;
    }
    auto reply = round_trip(worker.fd, request, expected);
    if (reply) {
      if (reply->kind == messages::ReplyKind::failed) {
        throw std::runtime_error("password hashing failed: " + reply->text);
      }
      return std::move(*reply);
    }
    stop(worker);
    std::lock_guard lock(mutex_);
    workers_[index] = Worker{};
    ++restarts_;
  }
  throw std::runtime_error("the password hashing process failed twice in a row");
}

std::vector<pid_t> PasswordHashProcesses::pids() const {
  std::lock_guard lock(mutex_);
  std::vector<pid_t> out;
  for (const Worker& worker : workers_) {
    if (worker.pid > 0) out.push_back(worker.pid);
  }
  return out;
}

std::uint64_t PasswordHashProcesses::restarts() const {
  std::lock_guard lock(mutex_);
  return restarts_;
}

}  // namespace sspr::platform
