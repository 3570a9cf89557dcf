#pragma once
// The password-hashing process: the other end of platform/password_hash_processes.h. The
// server starts its own binary as `sspr __hash-worker MEMORY_KIB ITERATIONS` with one end of a
// SOCK_SEQPACKET socket pair as file descriptor 3; the process answers hash and verify requests
// (platform/password_hash_messages.h) one at a time with libsodium's Argon2id until the server
// closes its end, then exits 0.
//
// Why a process: libsodium maps and unmaps Argon2id's memory (19 MiB at the defaults) for every
// hash, and unmapping takes the process's memory-map lock for writing, so in the server every
// other thread's page fault waited for it and the cores sat idle (docs/PERFORMANCE.md). A
// process of its own has a memory map of its own.

#include <string_view>

#include "platform/argon2id_password_hasher.h"

namespace sspr::platform {

// The hidden command word that runs a worker (not listed by `sspr --help`).
inline constexpr std::string_view kPasswordHashWorkerCommand = "__hash-worker";
// The worker's end of the socket pair.
inline constexpr int kPasswordHashWorkerFd = 3;

// Answers requests on `fd` until end of file. Core dumps are off (the process holds
// passwords), SIGINT, SIGTERM and SIGHUP are ignored (a Ctrl-C in the server's terminal must
// not take hashing away from a server that is finishing its requests), and no request's
// content is ever written anywhere. A malformed or oversized request gets a failure reply.
// Returns the process's exit status: 0 at end of file, 1 after a socket error.
int run_password_hash_worker(int fd, const Argon2idParameters& parameters);

// main()'s entry for `sspr __hash-worker MEMORY_KIB ITERATIONS` (argv[1] is the command word):
// parses the two numbers and runs the worker on kPasswordHashWorkerFd; exit status 2 for
// malformed arguments.
int password_hash_worker_main(int argc, char** argv);

}  // namespace sspr::platform
