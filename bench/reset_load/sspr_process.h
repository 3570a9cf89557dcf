#pragma once
// The sspr binary as the generator drives it: one-shot CLI commands (their stdout captured)
// and `sspr serve` on a loopback port, stopped with SIGTERM. Children inherit the
// generator's environment, so SSPR_* settings reach them.

#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

namespace sspr::bench {

struct CommandOutput {
  int exit_code = -1;
  std::string out;
};

// Runs `argv` (argv[0] a path) to completion; stderr goes to `stderr_path` (appended).
CommandOutput run_command(const std::vector<std::string>& argv, const std::string& stderr_path);

class ServerProcess {
 public:
  ServerProcess() = default;
  ~ServerProcess();  // stop()
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  // Starts `sspr <store_args> serve --listen 127.0.0.1:0` and waits (up to 30 s) for its
  // "listening on http://HOST:PORT" line; returns HOST:PORT, or nullopt when it failed (its
  // stderr is in `log_path`).
  std::optional<std::string> start(const std::string& binary,
                                   const std::vector<std::string>& store_args,
                                   const std::string& log_path);
  // SIGTERM and wait; returns the exit status (0 = graceful).
  int stop();
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  int out_fd_ = -1;
};

}  // namespace sspr::bench
