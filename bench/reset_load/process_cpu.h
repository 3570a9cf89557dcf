#pragma once
// CPU time (user + system) a process has used so far, from /proc/PID/stat; for the report of
// where the machine's time went during a phase (the server's share and the generator's).

#include <sys/types.h>

namespace sspr::bench {

// Seconds of CPU, or a negative value when the process cannot be read.
double process_cpu_seconds(pid_t pid);

// The same plus the CPU of its children: those running now (the server's password-hashing
// processes, /proc/PID/task/*/children) and those that ended and were reaped. Negative when
// the process itself cannot be read.
double process_tree_cpu_seconds(pid_t pid);

}  // namespace sspr::bench
