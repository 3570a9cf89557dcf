#pragma once
// A PasswordHasher that runs every hash and verification in one of N long-lived worker
// processes (platform/password_hash_worker.h), each its own program with its own memory map:
// libsodium maps and unmaps Argon2id's memory for every hash, and in the server's own process
// that serialised every other thread's page faults behind the memory-map lock
// (docs/PERFORMANCE.md). `sspr serve` uses it (security.password_hashing = "processes", the
// default); the other commands hash in their own thread.
//
// A call takes an idle worker (waiting when all N are busy; wrap this in a
// ConcurrencyLimitedPasswordHasher with the same N for fair, measured queueing), sends one
// request and reads one reply. A worker that fails (exits, is killed, answers nonsense or not
// within kReplyPatience) is killed, reaped and started again, and the call is tried once more
// on the new one; a second failure throws. Secrets cross only the socket pair, and every buffer
// that held one is wiped. A secret too large for one message (far beyond any password policy)
// is hashed in the calling thread.

#include <sys/types.h>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "domain/password_hasher.h"
#include "domain/result.h"
#include "platform/argon2id_password_hasher.h"
#include "platform/password_hash_messages.h"

namespace sspr::platform {

class PasswordHashProcesses final : public domain::PasswordHasher {
 public:
  // How long a call waits for a worker's reply before taking the worker for hung.
  static constexpr std::chrono::seconds kReplyPatience{60};

  // Starts `count` workers (at least 1) of `executable` (a program that runs
  // password_hash_worker_main for the word kPasswordHashWorkerCommand: the running sspr binary,
  // /proc/self/exe). Errors: Internal naming what could not be started.
  static domain::Result<std::unique_ptr<PasswordHashProcesses>> start(
      const std::string& executable, const Argon2idParameters& parameters, std::size_t count);
  // Closes the workers' sockets (they exit at end of file) and reaps them.
  ~PasswordHashProcesses() override;
  PasswordHashProcesses(const PasswordHashProcesses&) = delete;
  PasswordHashProcesses& operator=(const PasswordHashProcesses&) = delete;

  std::string hash(std::string_view secret) const override;
  bool verify(std::string_view secret, const std::string& hashed) const override;

  std::size_t size() const { return workers_.size(); }
  // The workers' process ids now (for the load generator's CPU accounting and tests).
  std::vector<pid_t> pids() const;
  // How many times a failed worker was replaced.
  std::uint64_t restarts() const;

 private:
  struct Worker {
    pid_t pid = -1;
    int fd = -1;  // the server's end of the socket pair; -1: not running
  };

  PasswordHashProcesses(std::string executable, const Argon2idParameters& parameters);
  // The reply of kind `expected` to `request` from an idle worker (see the class comment for
  // failures); a worker's failure reply ("E") throws.
  hash_messages::Reply exchange(const std::string& request,
                                hash_messages::ReplyKind expected) const;
  // Starts a worker; Internal error when that fails.
  domain::Result<Worker> spawn() const;
  // Kills and reaps a worker and closes its socket.
  static void stop(Worker& worker);

  std::string executable_;
  Argon2idParameters parameters_;
  Argon2idPasswordHasher in_thread_;  // for secrets too large for a message
  mutable std::mutex mutex_;
  mutable std::condition_variable idle_cv_;
  mutable std::vector<Worker> workers_;    // every worker, busy or idle
  mutable std::vector<std::size_t> idle_;  // indexes into workers_
  mutable std::uint64_t restarts_ = 0;
};

}  // namespace sspr::platform
