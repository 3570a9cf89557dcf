#pragma once
// What a crashing server leaves behind (issue 9: no secret in crash output). A core dump of the
// server holds whatever was in memory — passwords being checked, answers, codes, the secret
// keys — so `sspr serve` turns core dumps off, and an uncaught exception ends the process with
// one fixed line that names no request data.

#include "domain/result.h"

namespace sspr::platform {

// Sets the core-file size limit to 0 (soft and hard, so the process cannot raise it again) and
// marks the process not dumpable (prctl PR_SET_DUMPABLE 0), which also keeps other processes
// of the same user from attaching a debugger to read its memory. Errors: Internal naming the
// call that failed.
domain::Status disable_core_dumps();

// std::terminate prints "sspr: fatal: terminated by an unexpected error" to stderr (never the
// exception's text, which may quote request data) and aborts.
void install_quiet_terminate_handler();

}  // namespace sspr::platform
