#include "platform/crash_output.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <stdexcept>

namespace sspr::platform {
namespace {

// Runs `body` in a child process (so the test process keeps its own limits) and returns the
// child's wait status.
template <typename Body>
int in_child(Body body) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    body();
    ::_exit(0);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return status;
}

TEST(CrashOutput, DisableCoreDumpsZeroesTheLimitAndMarksTheProcessNotDumpable) {
  const int status = in_child([] {
    if (!disable_core_dumps()) ::_exit(10);
    rlimit limit{};
    if (::getrlimit(RLIMIT_CORE, &limit) != 0) ::_exit(11);
    if (limit.rlim_cur != 0 || limit.rlim_max != 0) ::_exit(12);
    if (::prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) != 0) ::_exit(13);
    // The hard limit is 0 too: the process cannot turn dumps back on.
    const rlimit again{RLIM_INFINITY, RLIM_INFINITY};
    if (::setrlimit(RLIMIT_CORE, &again) == 0 && ::geteuid() != 0) ::_exit(14);
  });
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

TEST(CrashOutput, TerminateHandlerPrintsAFixedLineWithoutTheExceptionText) {
  // std::terminate with an exception in flight: the default handler would print its what().
  const auto crash = [] {
    try {
      throw std::runtime_error("request body {\"password\": \"Hunter2-secret\"}");
    } catch (...) {
      std::terminate();
    }
  };
  EXPECT_DEATH(
      {
        install_quiet_terminate_handler();
        crash();
      },
      testing::AllOf(testing::HasSubstr("sspr: fatal: terminated by an unexpected error"),
                     testing::Not(testing::HasSubstr("Hunter2"))));
}

}  // namespace
}  // namespace sspr::platform
