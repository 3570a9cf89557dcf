#pragma once
// Names the calling thread, so `top -H -p PID`, `ps -L` and a profiler show what each of the
// server's threads is for (sspr-io, sspr-worker, sspr-checkpoint; the password-hashing
// processes are sspr-hash). docs/OPERATIONS.md lists the names.

#include <string_view>

namespace sspr::platform {

// Linux keeps at most 15 bytes of a thread's name: a longer `name` is cut there. A name the
// system refuses is ignored; the name only helps diagnosis and nothing depends on it.
void name_current_thread(std::string_view name);

}  // namespace sspr::platform
