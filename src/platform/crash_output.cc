#include "platform/crash_output.h"

#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <exception>

namespace sspr::platform {

domain::Status disable_core_dumps() {
  const rlimit none{0, 0};
  if (::setrlimit(RLIMIT_CORE, &none) != 0) {
    return domain::errors::internal(std::string("setrlimit(RLIMIT_CORE, 0) failed: ") +
                                    std::strerror(errno));
  }
  if (::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0) {
    return domain::errors::internal(std::string("prctl(PR_SET_DUMPABLE, 0) failed: ") +
                                    std::strerror(errno));
  }
  return domain::ok_status();
}

void install_quiet_terminate_handler() {
  std::set_terminate([] {
    static constexpr char kLine[] = "sspr: fatal: terminated by an unexpected error\n";
    // write(2): async-signal-safe and unbuffered, whatever state the streams are in.
    [[maybe_unused]] const auto written = ::write(STDERR_FILENO, kLine, sizeof kLine - 1);
    std::abort();
  });
}

}  // namespace sspr::platform
