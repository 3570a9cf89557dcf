#include "sspr_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>

extern char** environ;

namespace sspr::bench {
namespace {

// Spawns argv with stdout to a new pipe (returned in *out_fd) and stderr appended to a file.
pid_t spawn(const std::vector<std::string>& argv, const std::string& stderr_path, int* out_fd) {
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) return -1;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, stderr_path.c_str(),
                                   O_WRONLY | O_CREAT | O_APPEND, 0600);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  std::vector<char*> args;
  for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  pid_t pid = -1;
  const int failed = posix_spawn(&pid, argv[0].c_str(), &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(pipe_fds[1]);
  if (failed != 0) {
    ::close(pipe_fds[0]);
    return -1;
  }
  *out_fd = pipe_fds[0];
  return pid;
}

int wait_for(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return -1;
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

}  // namespace

CommandOutput run_command(const std::vector<std::string>& argv, const std::string& stderr_path) {
  CommandOutput result;
  int out_fd = -1;
  const pid_t pid = spawn(argv, stderr_path, &out_fd);
  if (pid < 0) return result;
  char buffer[4096];
  for (;;) {
    const ssize_t got = ::read(out_fd, buffer, sizeof buffer);
    if (got > 0) {
      result.out.append(buffer, static_cast<std::size_t>(got));
    } else if (got == 0 || errno != EINTR) {
      break;
    }
  }
  ::close(out_fd);
  result.exit_code = wait_for(pid);
  return result;
}

ServerProcess::~ServerProcess() { stop(); }

std::optional<std::string> ServerProcess::start(const std::string& binary,
                                                const std::vector<std::string>& store_args,
                                                const std::string& log_path) {
  std::vector<std::string> argv{binary};
  argv.insert(argv.end(), store_args.begin(), store_args.end());
  for (const char* arg : {"serve", "--listen", "127.0.0.1:0"}) argv.emplace_back(arg);
  pid_ = spawn(argv, log_path, &out_fd_);
  if (pid_ < 0) return std::nullopt;
  const std::string marker = "listening on http://";
  std::string seen;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd ready{out_fd_, POLLIN, 0};
    if (::poll(&ready, 1, 100) <= 0) continue;
    char buffer[1024];
    const ssize_t got = ::read(out_fd_, buffer, sizeof buffer);
    if (got <= 0) break;  // the server exited
    seen.append(buffer, static_cast<std::size_t>(got));
    const auto at = seen.find(marker);
    if (at == std::string::npos) continue;
    const auto end = seen.find('\n', at);
    if (end == std::string::npos) continue;
    return seen.substr(at + marker.size(), end - at - marker.size());
  }
  stop();
  return std::nullopt;
}

int ServerProcess::stop() {
  if (pid_ < 0) return 0;
  ::kill(pid_, SIGTERM);
  const int status = wait_for(pid_);
  pid_ = -1;
  if (out_fd_ >= 0) ::close(out_fd_);
  out_fd_ = -1;
  return status;
}

}  // namespace sspr::bench
